<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("jit-refused-title")}
    <#elseif section = "form">
        <div id="jit-refused" data-jit-error="${jitError}">
            <p id="jit-refused-message" class="instruction">${msg(jitMessageKey)}</p>
            <p id="jit-refused-code" class="${properties.kcFormHelperTextClass!}">${msg("jit-refused-code", jitError)}</p>
            <#if client?? && client.baseUrl?has_content>
                <p><a id="backToApplication" href="${client.baseUrl}">${kcSanitize(msg("backToApplication"))?no_esc}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
