<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("machineUserKeyReplacedIntro", machineUser.name, realmName)}</p>
<table>
<tr><th align="left">${msg("machineUserLabelClientId")}</th><td><code>${machineUser.clientId}</code></td></tr>
<tr><th align="left">${msg("machineUserLabelOldKeyId")}</th><td><code>${oldKeyId}</code></td></tr>
<tr><th align="left">${msg("machineUserLabelNewKeyId")}</th><td><code>${newKeyId}</code></td></tr>
<tr><th align="left">${msg("machineUserLabelExpiresAt")}</th><td><#if newExpiresAt?has_content>${newExpiresAt}<#else>${msg("machineUserLabelNoExpiry")}</#if></td></tr>
<tr><th align="left">${msg("machineUserLabelBy")}</th><td>${replacedBy}</td></tr>
</table>
</@layout.emailLayout>
