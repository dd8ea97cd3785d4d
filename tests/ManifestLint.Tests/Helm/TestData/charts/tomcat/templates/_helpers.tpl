{{/*
Return the proper Tomcat image name
*/}}
{{- define "tomcat.image" -}}
{{- printf "%s/%s:%s" .Values.image.registry .Values.image.repository .Values.image.tag -}}
{{- end -}}
