<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("machineUserSuspendedIntro", machineUser.name, realmName)}</p>
<table>
<tr><th align="left">${msg("machineUserLabelClientId")}</th><td><code>${machineUser.clientId}</code></td></tr>
<#if reason?has_content>
<tr><th align="left">${msg("machineUserLabelReason")}</th><td>${reason}</td></tr>
</#if>
<tr><th align="left">${msg("machineUserLabelSuspendedAt")}</th><td>${suspendedAt}</td></tr>
<tr><th align="left">${msg("machineUserLabelBy")}</th><td>${suspendedBy}</td></tr>
</table>
</@layout.emailLayout>
