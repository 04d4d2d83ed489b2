package io.jitprovisioning.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.jitprovisioning.problem.ProblemCode;

/** Picks the identity provider to check: the root EntityDescriptor, or one entity of an EntitiesDescriptor. */
final class EntitySelector {

    /** The chosen entity and its IDPSSODescriptor that supports SAML 2.0. */
    record SelectedIdp(Element entity, Element idpDescriptor) {
    }

    private EntitySelector() {
    }

    static SelectedIdp select(Element root, String chosenEntityId, ReportBuilder report) throws MetadataRejection {
        if (Dom.isMetadata(root, "EntityDescriptor")) {
            return fromEntity(root, chosenEntityId);
        }
        if (Dom.isMetadata(root, "EntitiesDescriptor")) {
            return fromAggregate(root, chosenEntityId, report);
        }
        throw new MetadataRejection(ProblemCode.NOT_ENTITY_DESCRIPTOR, Messages.notEntityDescriptor());
    }

    static String entityId(Element entity) {
        return Dom.attribute(entity, "entityID");
    }

    private static SelectedIdp fromEntity(Element entity, String chosenEntityId) throws MetadataRejection {
        if (chosenEntityId != null && !chosenEntityId.equals(entityId(entity))) {
            throw new MetadataRejection(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR,
                    Messages.otherEntityDescribed(entityId(entity)));
        }
        List<Element> idpDescriptors = Dom.metadataChildren(entity, "IDPSSODescriptor");
        if (idpDescriptors.isEmpty()) {
            boolean serviceProvider = !Dom.metadataChildren(entity, "SPSSODescriptor").isEmpty();
            throw new MetadataRejection(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR,
                    serviceProvider ? Messages.serviceProviderOnly() : Messages.noIdpDescriptor());
        }
        Element saml2 = saml2IdpDescriptor(entity)
                .orElseThrow(() -> new MetadataRejection(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR, Messages.noSaml2Idp()));
        return new SelectedIdp(entity, saml2);
    }

    private static SelectedIdp fromAggregate(Element root, String chosenEntityId, ReportBuilder report)
            throws MetadataRejection {
        List<Element> entities = aggregatedEntities(root);
        List<Element> idps = entities.stream().filter(e -> saml2IdpDescriptor(e).isPresent()).toList();
        List<String> idpIds = idps.stream().map(EntitySelector::entityId).toList();
        if (chosenEntityId != null) {
            for (Element idp : idps) {
                if (chosenEntityId.equals(entityId(idp))) {
                    return new SelectedIdp(idp, saml2IdpDescriptor(idp).orElseThrow());
                }
            }
            throw new MetadataRejection(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR, idps.isEmpty()
                    ? Messages.noIdpInAggregate(entities.size()) : Messages.chosenEntityNotFound(idpIds));
        }
        if (idps.isEmpty()) {
            throw new MetadataRejection(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR,
                    Messages.noIdpInAggregate(entities.size()));
        }
        if (idps.size() > 1) {
            throw new MetadataRejection(ProblemCode.MULTIPLE_IDPS, Messages.multipleIdps(idpIds));
        }
        report.add(ProblemCode.AGGREGATE_SINGLE_IDP, Messages.aggregateSingleIdp(entities.size()));
        return new SelectedIdp(idps.get(0), saml2IdpDescriptor(idps.get(0)).orElseThrow());
    }

    /** EntityDescriptors reached through EntitiesDescriptors only (not ones nested in Extensions etc.). */
    private static List<Element> aggregatedEntities(Element root) {
        List<Element> entities = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS(SamlNames.METADATA_NS, "EntityDescriptor");
        for (int i = 0; i < all.getLength(); i++) {
            Element entity = (Element) all.item(i);
            if (onlyAggregatesAbove(entity, root)) {
                entities.add(entity);
            }
        }
        return entities;
    }

    private static boolean onlyAggregatesAbove(Element entity, Element root) {
        for (Node parent = entity.getParentNode(); parent != root; parent = parent.getParentNode()) {
            if (!Dom.isMetadata(parent, "EntitiesDescriptor")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Element> saml2IdpDescriptor(Element entity) {
        return Dom.metadataChildren(entity, "IDPSSODescriptor").stream()
                .filter(EntitySelector::supportsSaml2)
                .findFirst();
    }

    private static boolean supportsSaml2(Element idpDescriptor) {
        String protocols = Dom.attribute(idpDescriptor, "protocolSupportEnumeration");
        return protocols != null && List.of(protocols.split("\\s+")).contains(SamlNames.SAML2_PROTOCOL);
    }
}
