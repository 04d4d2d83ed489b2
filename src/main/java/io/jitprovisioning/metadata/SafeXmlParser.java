package io.jitprovisioning.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.jitprovisioning.problem.ProblemCode;

/**
 * Parses untrusted XML into a namespace-aware DOM with everything that can reach outside the document switched
 * off: DOCTYPE (and with it every entity), external DTDs and schemas, XInclude.
 */
public final class SafeXmlParser {
    // Real metadata is about 10 levels deep; the limit keeps recursive DOM code (getTextContent) far from a stack
    // overflow.
    private static final String MAX_ELEMENT_DEPTH = "256";

    private SafeXmlParser() {
    }

    /**
     * Other untrusted XML than metadata (a SAML response an administrator pasted), with the same protections and the
     * same size limit as metadata.
     *
     * @throws IllegalArgumentException whose message is the problem's code: {@code TOO_LARGE}, {@code DOCTYPE_FORBIDDEN}
     *                                  or {@code NOT_WELL_FORMED}
     */
    public static Document parseUntrusted(byte[] xml) {
        if (xml.length > MetadataValidator.MAX_BYTES) {
            throw new IllegalArgumentException(ProblemCode.TOO_LARGE.name());
        }
        try {
            return parse(xml);
        } catch (MetadataRejection rejection) {
            throw new IllegalArgumentException(rejection.issue().code().name());
        }
    }

    static Document parse(byte[] xml) throws MetadataRejection {
        if (DoctypeDetector.declaresDoctype(xml)) {
            throw new MetadataRejection(ProblemCode.DOCTYPE_FORBIDDEN, Messages.doctypeForbidden());
        }
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            if (mentionsDoctype(e)) {
                throw new MetadataRejection(ProblemCode.DOCTYPE_FORBIDDEN, Messages.doctypeForbidden());
            }
            throw new MetadataRejection(ProblemCode.NOT_WELL_FORMED,
                    Messages.notWellFormed(e.getLineNumber(), e.getColumnNumber()));
        } catch (SAXException | IOException e) {
            throw new MetadataRejection(ProblemCode.NOT_WELL_FORMED, Messages.notWellFormed(-1, -1));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a required security feature", e);
        }
    }

    private static boolean mentionsDoctype(SAXParseException e) {
        // The feature URI is quoted in every translation of the message; element names cannot contain it.
        return String.valueOf(e.getMessage()).contains("disallow-doctype-decl");
    }

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        // The JDK's own parser, whatever JAXP implementation the server's class path brings: every setting below
        // is known to work there.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
        return factory;
    }

    // The default handler prints to stderr; every problem is reported through the exception instead.
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
