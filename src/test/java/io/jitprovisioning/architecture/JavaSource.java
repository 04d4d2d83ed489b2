package io.jitprovisioning.architecture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One main source file as {@link ArchitectureTest} reads it, without a Java parser: comments, string, text-block and
 * character literals and annotations are blanked out first, so that nothing in them counts; then the bodies of its
 * types (nested ones too, and anonymous classes in field initializers) are split into declarations, of which the
 * fields are kept.
 */
final class JavaSource {

    /** A field declaration; {@code owner} is the simple name of the type that declares it. */
    record Field(String owner, String ownerKind, Set<String> modifiers, String type, String name, String initializer) {

        boolean isStatic() {
            return modifiers.contains("static");
        }

        boolean isFinal() {
            return modifiers.contains("final");
        }

        /** The type without type arguments or array brackets, and without its qualifier: {@code Map}, {@code Slot}. */
        String rawType() {
            String raw = type.replaceAll("<.*", "").replace("[]", "").trim();
            return raw.substring(raw.lastIndexOf('.') + 1);
        }

        @Override
        public String toString() {
            return owner + "." + name;
        }
    }

    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern FIELD = Pattern.compile("((?:(?:public|protected|private|static|final|volatile|transient)\\s+)*)"
            + "([\\w.]+(?:\\s*<[^=;]*?>)?(?:\\s*\\[\\s*])*)\\s+(\\w+)\\s*(?:=\\s*(.*))?", Pattern.DOTALL);
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.jitprovisioning\\.((?:[a-z_]\\w*\\.)*)[A-Z]");

    private final String code;

    JavaSource(String source) {
        this.code = withoutAnnotations(blankLiteralsAndComments(source));
    }

    /** The code as this class reads it: no comments, literals or annotations. */
    String code() {
        return code;
    }

    /** Every field of every type in the file, anonymous classes of field initializers included. */
    List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        Matcher header = TYPE_HEADER.matcher(code);
        if (header.find()) {
            readType(code, header, fields);
        }
        return fields;
    }

    /** A type's body, and a record's components (private final fields). */
    private static void readType(String code, Matcher header, List<Field> fields) {
        int open = code.indexOf('{', header.end());
        if (header.group(1).equals("record")) {
            int components = code.indexOf('(', header.end());
            for (String component : code.substring(components + 1, closing(code, components)).split(",(?![^<]*>)")) {
                Matcher typeAndName = Pattern.compile("(.+)\\s+(\\w+)").matcher(component.trim());
                if (typeAndName.matches()) {
                    fields.add(new Field(header.group(2), "record", Set.of("private", "final"), typeAndName.group(1).trim(),
                            typeAndName.group(2), null));
                }
            }
        }
        readBody(code, open + 1, closing(code, open), header.group(2), header.group(1), fields);
    }

    /** The packages named by qualified names in the code ({@code io.jitprovisioning.x.Y}), imports left out. */
    Set<String> qualifiedPackages() {
        Set<String> packages = new HashSet<>();
        Matcher matcher = QUALIFIED.matcher(code.replaceAll("(?m)^\\s*(import|package)\\s[^;]*;", ""));
        while (matcher.find()) {
            packages.add(matcher.group(1).isEmpty() ? "" : matcher.group(1).substring(0, matcher.group(1).length() - 1));
        }
        return packages;
    }

    /** What the static method {@code name()} without parameters returns, one expression per return statement. */
    Optional<List<String>> returnsOf(String name) {
        Matcher method = Pattern.compile("\\bstatic\\s+[\\w.<>,?\\s\\[\\]]+\\s" + Pattern.quote(name) + "\\s*\\(\\s*\\)\\s*\\{").matcher(code);
        if (!method.find()) {
            return Optional.empty();
        }
        String body = code.substring(method.end(), closing(code, method.end() - 1));
        List<String> returns = new ArrayList<>();
        Matcher statement = Pattern.compile("\\breturn\\s+([^;]*);").matcher(body);
        while (statement.find()) {
            returns.add(statement.group(1).trim());
        }
        return Optional.of(returns);
    }

    /** The anonymous class body of an initializer such as {@code new Foo() { ... }}, if it has one. */
    static Optional<List<Field>> anonymousClassFields(Field field) {
        String init = field.initializer();
        Matcher anonymous = Pattern.compile("^new\\s+([\\w.]+)\\s*(?:<[^{]*?>)?\\s*\\(").matcher(init == null ? "" : init);
        if (!anonymous.find()) {
            return Optional.empty();
        }
        int open = init.indexOf('{', closing(init, anonymous.end() - 1));
        if (open < 0 || !init.substring(closing(init, anonymous.end() - 1) + 1, open).isBlank()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        readBody(init, open + 1, closing(init, open), field.owner() + "." + field.name() + "$anonymous", "class", fields);
        return Optional.of(fields);
    }

    private static void readBody(String code, int start, int end, String owner, String kind, List<Field> fields) {
        int memberStart = start;
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '{' && depth == 0) {
                int close = closing(code, i);
                String header = code.substring(memberStart, i);
                Matcher type = TYPE_HEADER.matcher(code).region(memberStart, i);
                if (hasTopLevelAssignment(header)) {
                    i = close; // an array initializer or anonymous class inside a field's initializer
                    continue;
                }
                if (type.find()) {
                    readType(code, type, fields);
                }
                i = close;
                memberStart = close + 1;
            } else if (c == ';' && depth == 0) {
                field(code.substring(memberStart, i).trim(), owner, kind).ifPresent(fields::add);
                memberStart = i + 1;
            }
        }
    }

    private static Optional<Field> field(String declaration, String owner, String kind) {
        int assignment = topLevelAssignment(declaration);
        String left = assignment < 0 ? declaration : declaration.substring(0, assignment);
        Matcher field = FIELD.matcher(declaration);
        if (left.contains("(") || !field.matches() || field.group(2).matches("return|throw|package|import")) {
            return Optional.empty();
        }
        Set<String> modifiers = new HashSet<>(List.of(field.group(1).trim().split("\\s+")));
        if (kind.equals("interface")) {
            modifiers.addAll(List.of("static", "final"));
        }
        String initializer = field.group(4) == null ? null : field.group(4).trim();
        return Optional.of(new Field(owner, kind, modifiers, field.group(2).trim(), field.group(3), initializer));
    }

    private static boolean hasTopLevelAssignment(String text) {
        return topLevelAssignment(text) >= 0;
    }

    /** The first '=' outside parentheses and brackets that is an assignment (not ==, <=, >=, != or ->). */
    private static int topLevelAssignment(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '<') {
                depth++;
            } else if (c == ')' || c == ']' || c == '>') {
                depth--;
            } else if (c == '=' && depth == 0 && (i + 1 >= text.length() || text.charAt(i + 1) != '=')
                    && (i == 0 || "=<>!".indexOf(text.charAt(i - 1)) < 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private static int closing(String code, int open) {
        char opening = code.charAt(open);
        char closing = opening == '{' ? '}' : opening == '(' ? ')' : ']';
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == opening) {
                depth++;
            } else if (code.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced '" + opening + "' at " + open);
    }

    private static String blankLiteralsAndComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = skipTo(source, i, "\n", false);
            } else if (source.startsWith("/*", i)) {
                i = skipTo(source, i + 2, "*/", false) + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = skipTo(source, i + 3, "\"\"\"", true) + 3;
                out.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                String quote = String.valueOf(source.charAt(i));
                i = skipTo(source, i + 1, quote, true) + 1;
                out.append(quote).append(quote);
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index of {@code end} from {@code from}; with {@code escapes}, a backslash hides the next character. */
    private static int skipTo(String source, int from, String end, boolean escapes) {
        for (int i = from; i < source.length(); i++) {
            if (escapes && source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(end, i)) {
                return i;
            }
        }
        return source.length();
    }

    private static String withoutAnnotations(String code) {
        StringBuilder out = new StringBuilder(code.length());
        Matcher annotation = Pattern.compile("@(?!interface\\b)[\\w.]+\\s*").matcher(code);
        int last = 0;
        while (annotation.find(last)) {
            out.append(code, last, annotation.start());
            last = annotation.end();
            if (last < code.length() && code.charAt(last) == '(') {
                last = closing(code, last) + 1;
            }
        }
        return out.append(code.substring(last)).toString();
    }
}
