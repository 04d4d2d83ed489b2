package io.jitprovisioning.admin;

import org.keycloak.component.ComponentValidationException;

/**
 * Why a console page's save is refused, shown as written. Keycloak passes a refusal's message through
 * {@link java.text.MessageFormat}: braces in it (a JSON example, a value an administrator typed) make that throw, and
 * the save answers 500; quotes vanish. As the only argument of the pattern {@code {0}} the text is shown verbatim.
 */
final class ConsoleRefusal {

    private ConsoleRefusal() {
    }

    static ComponentValidationException of(String message) {
        return new ComponentValidationException("{0}", message);
    }
}
