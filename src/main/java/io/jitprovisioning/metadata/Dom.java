package io.jitprovisioning.metadata;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware DOM look-ups; local names alone would accept look-alike elements from other namespaces. */
final class Dom {
    private Dom() {
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element
                && namespace.equals(node.getNamespaceURI())
                && localName.equals(node.getLocalName());
    }

    static boolean isMetadata(Node node, String localName) {
        return is(node, SamlNames.METADATA_NS, localName);
    }

    static List<Element> metadataChildren(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isMetadata(child, localName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    /** The trimmed value of an unqualified attribute, or {@code null} if it is absent or blank. */
    static String attribute(Element element, String name) {
        Attr attr = element.getAttributeNodeNS(null, name);
        if (attr == null) {
            return null;
        }
        String value = attr.getValue().strip();
        return value.isEmpty() ? null : value;
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }
}
