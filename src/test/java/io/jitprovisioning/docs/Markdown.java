package io.jitprovisioning.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One markdown document of the project as GitHub renders it, as far as the doc tests need it: its headings and their
 * anchors, its links, its sections and tables. Fenced code blocks are not markdown, so they are left out.
 */
final class Markdown {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("docs");

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");

    private final Path file;
    /** The lines outside fenced code blocks; a fenced line is kept as an empty line, so line numbers hold. */
    private final List<String> lines;

    private Markdown(Path file, List<String> all) {
        this.file = file;
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : all) {
            boolean fence = line.stripLeading().startsWith("```");
            prose.add(fenced || fence ? "" : line);
            fenced ^= fence;
        }
        this.lines = List.copyOf(prose);
    }

    static Markdown of(Path file) {
        try {
            return new Markdown(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and every docs/*.md. */
    static List<Path> documents() {
        try (Stream<Path> docs = Files.list(DOCS)) {
            return Stream.concat(Stream.of(README), docs.filter(path -> path.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    /** The text outside fenced code blocks. */
    String text() {
        return String.join("\n", lines);
    }

    /**
     * The anchor GitHub gives a heading: its text as rendered (no code marks, a link's text only), in lower case,
     * without punctuation except {@code -} and {@code _}, spaces made {@code -}.
     */
    static String anchor(String heading) {
        String rendered = INLINE_LINK.matcher(heading).replaceAll("$1").replace("`", "");
        return rendered.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "").replace(' ', '-');
    }

    List<String> headings() {
        return lines.stream().map(HEADING::matcher).filter(Matcher::matches).map(m -> m.group(2)).toList();
    }

    /** Every heading's anchor; a repeated one gets {@code -1}, {@code -2}, ... as on GitHub. */
    Set<String> anchors() {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new LinkedHashSet<>();
        for (String heading : headings()) {
            String anchor = anchor(heading);
            int count = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(count == 0 ? anchor : anchor + "-" + count);
        }
        return anchors;
    }

    /** The target of every inline link and image, as written ({@code docs/x.md#anchor}, {@code https://...}). */
    List<String> links() {
        return links(text());
    }

    static List<String> links(String text) {
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(CODE_SPAN.matcher(text).replaceAll("``"));
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** The text under a heading (given without its {@code #}s), up to the next heading of the same or a higher level. */
    String section(String heading) {
        int start = -1;
        int level = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = HEADING.matcher(lines.get(i));
            if (!matcher.matches()) {
                continue;
            }
            if (start >= 0 && matcher.group(1).length() <= level) {
                return String.join("\n", lines.subList(start, i));
            }
            if (start < 0 && matcher.group(2).equals(heading)) {
                start = i + 1;
                level = matcher.group(1).length();
            }
        }
        if (start < 0) {
            throw new AssertionError(file + " has no heading \"" + heading + "\"; its headings: " + headings());
        }
        return String.join("\n", lines.subList(start, lines.size()));
    }

    /** The first table under that heading whose header begins with {@code firstColumn}: one map per row, by header. */
    List<Map<String, String>> table(String heading, String firstColumn) {
        return table(section(heading), firstColumn, file + " under \"" + heading + "\"");
    }

    static List<Map<String, String>> table(String text, String firstColumn, String where) {
        List<String> block = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("|")) {
                block.add(line.strip());
            } else if (!block.isEmpty()) {
                if (cells(block.get(0)).get(0).equals(firstColumn)) {
                    break;
                }
                block.clear();
            }
        }
        if (block.size() < 2 || !cells(block.get(0)).get(0).equals(firstColumn)) {
            throw new AssertionError(where + ": no table whose first column is \"" + firstColumn + "\"");
        }
        List<String> header = cells(block.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : block.subList(2, block.size())) {
            List<String> cells = cells(line);
            if (cells.size() != header.size()) {
                throw new AssertionError(where + ": a row has " + cells.size() + " cells, the header " + header.size() + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A table row's cells, split on the {@code |} that are not inside a code span. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        for (char c : inner.toCharArray()) {
            if (c == '`') {
                code = !code;
            }
            if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** The code spans of a text, without their marks: {@code `A` / `B`} gives A and B. */
    static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            codes.add(span.group().substring(1, span.group().length() - 1));
        }
        return codes;
    }
}
