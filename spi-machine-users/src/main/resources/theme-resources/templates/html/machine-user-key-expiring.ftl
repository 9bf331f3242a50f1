<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg(introKey!"machineUserKeyExpiringIntro", machineUser.name, realmName, daysLeft)}</p>
<table>
<tr><th align="left">${msg("machineUserLabelClientId")}</th><td><code>${machineUser.clientId}</code></td></tr>
<tr><th align="left">${msg("machineUserLabelKeyId")}</th><td><code>${keyId}</code></td></tr>
<#if keyDescription?has_content>
<tr><th align="left">${msg("machineUserLabelKeyDescription")}</th><td>${keyDescription}</td></tr>
</#if>
<tr><th align="left">${msg("machineUserLabelExpiresAt")}</th><td>${expiresAt}</td></tr>
</table>
<p>${msg(adviceKey!"machineUserKeyExpiringAdvice")}</p>
</@layout.emailLayout>
