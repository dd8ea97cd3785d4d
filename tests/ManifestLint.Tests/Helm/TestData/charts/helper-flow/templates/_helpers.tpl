{{/* A container from a dict: .name, .res (its resources) and .root (the chart's context). */}}
{{- define "flow.container" -}}
- name: {{ .name }}
  image: "{{ .root.Values.image.repository }}:{{ .root.Values.image.tag }}"
  resources:
    {{- toYaml .res | nindent 4 }}
{{- end }}

{{/* A container from a list: the chart's context, then its resources. */}}
{{- define "flow.listContainer" -}}
{{- $root := index . 0 }}
{{- $res := index . 1 -}}
- name: list-arg
  image: "{{ $root.Values.image.repository }}:{{ $root.Values.image.tag }}"
  resources:
    {{- toYaml $res | nindent 4 }}
{{- end }}

{{/* A container from a values mapping given as the argument. */}}
{{- define "flow.directContainer" -}}
- name: direct
  image: nginx:1.27
  resources:
    {{- toYaml .resources | nindent 4 }}
{{- end }}

{{/* Passes its argument's resources on to flow.container. */}}
{{- define "flow.outer" -}}
{{ include "flow.container" (dict "name" "nested" "res" .res "root" .root) }}
{{- end }}

{{/* The whole pod template, as traefik's _podtemplate.tpl builds it. */}}
{{- define "flow.podTemplate" }}
    metadata:
      labels:
        app: round-trip
    spec:
      containers:
        - name: round-trip
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- with .Values.roundTrip.resources }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
        - name: sidecar
          image: busybox:1.36
          resources:
            {{- with .Values.sidecar.resources }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
{{- end }}
