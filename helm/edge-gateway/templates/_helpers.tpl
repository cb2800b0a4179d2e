{{/* Names and labels. */}}
{{- define "edge-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "edge-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "edge-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "edge-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "edge-gateway.labels" -}}
{{ include "edge-gateway.componentLabels" (dict "root" . "component" "gateway") }}
{{- end }}

{{/* The labels, for a given app.kubernetes.io/component (the management Service, the test pod). */}}
{{- define "edge-gateway.componentLabels" -}}
{{- $root := .root -}}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "edge-gateway.selectorLabels" $root }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "edge-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "edge-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "edge-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Secret holding secret settings (a config tree), or "" when there is none. */}}
{{- define "edge-gateway.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if .Values.secrets.values }}
{{- printf "%s-secrets" (include "edge-gateway.fullname" .) }}
{{- end }}
{{- end }}

{{/* Whether the chart renders the secret settings' Secret itself (values given, no existing Secret named). */}}
{{- define "edge-gateway.rendersSecretSettings" -}}
{{- if and .Values.secrets.values (not .Values.secrets.existingSecret) }}true{{ end }}
{{- end }}

{{/* The Secret holding key files, or "" when there is none. */}}
{{- define "edge-gateway.keyFilesSecretName" -}}
{{- if .Values.keyFiles.existingSecret }}
{{- .Values.keyFiles.existingSecret }}
{{- else if .Values.keyFiles.files }}
{{- printf "%s-keys" (include "edge-gateway.fullname" .) }}
{{- end }}
{{- end }}

{{- define "edge-gateway.redisConfigured" -}}
{{- if or .Values.redis.url .Values.redis.host .Values.redis.sentinel.master .Values.redis.cluster.nodes .Values.redisQuickstart.enabled }}true{{ end }}
{{- end }}

{{/* The quick-start Redis's Service (subchart redis-quickstart, aliased redisQuickstart). */}}
{{- define "edge-gateway.redisQuickstartHost" -}}
{{- printf "%s-redis-quickstart" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "edge-gateway.scalesOut" -}}
{{- if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{/*
Refuse secrets in the application settings: they would land in a ConfigMap. A value that is only a placeholder
(${ENV_VAR}) is not a secret.
*/}}
{{- define "edge-gateway.refuseSecrets" -}}
{{- range $key, $value := .settings }}
{{- $path := printf "%s.%s" $.path $key }}
{{- $secret := or (has (lower $key) (list "client-secret" "password" "secret")) (and (eq $key "keys") (hasSuffix ".encryption" $.path)) }}
{{- if and $secret (not (and (kindIs "string" $value) (regexMatch "^\\$\\{[^}]+\\}$" $value))) }}
{{- fail (printf "%s is a secret: put it in secrets.values or secrets.existingSecret (under the property name %s), never in application settings, which are rendered into a ConfigMap" $path (trimPrefix "application." $path)) }}
{{- end }}
{{- if kindIs "map" $value }}
{{- include "edge-gateway.refuseSecrets" (dict "path" $path "settings" $value) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Checks that values.schema.json cannot express. */}}
{{- define "edge-gateway.validate" -}}
{{- if and (include "edge-gateway.scalesOut" .) (not (include "edge-gateway.redisConfigured" .)) }}
{{- fail "replicaCount above 1 (or autoscaling.enabled) needs Redis: set redis.url, redis.host, redis.sentinel.master or redis.cluster.nodes. Without it each replica keeps its own sessions and tokens, and a login that starts on one replica fails on another." }}
{{- end }}
{{- include "edge-gateway.refuseSecrets" (dict "path" "application" "settings" .Values.application) }}
{{- end }}
