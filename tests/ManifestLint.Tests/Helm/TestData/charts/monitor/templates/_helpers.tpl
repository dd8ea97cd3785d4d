{{- define "monitor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "monitor.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "monitor.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "monitor.labels" -}}
app.kubernetes.io/name: {{ include "monitor.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}
