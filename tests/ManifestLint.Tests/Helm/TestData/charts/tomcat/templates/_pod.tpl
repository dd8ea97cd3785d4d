{{/*
Pod Spec
*/}}
{{- define "tomcat.pod" -}}
automountServiceAccountToken: false
containers:
  - name: tomcat
    image: {{ include "tomcat.image" . }}
    ports:
      - name: http
        containerPort: {{ .Values.containerPorts.http }}
    {{- if .Values.resources }}
    resources: {{- toYaml .Values.resources | nindent 6 }}
    {{- else if ne .Values.resourcesPreset "none" }}
    resources: {{- include "common.resources.preset" (dict "type" .Values.resourcesPreset) | nindent 6 }}
    {{- end }}
  {{- if .Values.metrics.jmx.enabled }}
  - name: jmx-exporter
    image: {{ .Values.metrics.jmx.image }}
    args:
      - --config=/etc/jmx/config.yml
    {{- if .Values.metrics.jmx.resources }}
    resources: {{- toYaml .Values.metrics.jmx.resources | nindent 6 }}
    {{- else if ne .Values.metrics.jmx.resourcesPreset "none" }}
    resources: {{- include "common.resources.preset" (dict "type" .Values.metrics.jmx.resourcesPreset) | nindent 6 }}
    {{- end }}
  {{- end }}
  {{- if .Values.sidecars }}
  {{- include "common.tplvalues.render" ( dict "value" .Values.sidecars "context" $) | nindent 2 }}
  {{- end }}
volumes:
  - name: empty-dir
    emptyDir: {}
{{- end -}}
