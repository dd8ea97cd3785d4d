{{/*
The pod spec: one container per entry of .Values.workers.
*/}}
{{- define "workers.podSpec" -}}
terminationGracePeriodSeconds: 60
containers:
{{- range .Values.workers }}
  - name: {{ .name }}
    image: {{ .image | quote }}
    {{- with .resources }}
    resources:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    volumeMounts:
      - name: scratch
        mountPath: /scratch
{{- end }}
volumes:
  - name: scratch
    emptyDir:
      {{- with .Values.scratch }}
      medium: {{ .medium }}
      {{- end }}
{{- end }}
