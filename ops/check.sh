#!/usr/bin/env bash
# Offline checks of the operations files: Prometheus config, alert rules and their unit tests,
# Grafana dashboards against the exported metrics, the Kubernetes overlays (rendered and
# schema-validated), docker-compose.yml and the services' Dockerfiles. No cluster, no Docker
# engine and no network needed (after `npm ci` in k8s/tools). Exits non-zero if any check fails.
# Needs: promtool (Debian: prometheus), docker-compose (Debian), kubectl (kustomize), node + npm.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {
  local name=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    sed 's/^/      /' "$work/out"
  fi
}

for tool in promtool docker-compose kubectl node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ops/check.sh: $tool is not installed (see .ci/run)"; exit 2; }
done
if [ ! -d k8s/tools/node_modules/kubernetes-models ]; then
  (cd k8s/tools && npm ci --no-audit --no-fund --loglevel=error) || { echo "ops/check.sh: npm ci in k8s/tools failed"; exit 2; }
fi

# --- Prometheus -------------------------------------------------------------------------------
check "promtool check config monitoring/prometheus/prometheus.yml" \
  promtool check config monitoring/prometheus/prometheus.yml
check "promtool check config monitoring/prometheus/prometheus-local.yml (with its rule files)" \
  promtool check config monitoring/prometheus/prometheus-local.yml
check "promtool check rules monitoring/prometheus/rules/*.yml" \
  promtool check rules monitoring/prometheus/rules/*.yml
check "promtool test rules monitoring/prometheus/tests/*.test.yml" \
  promtool test rules monitoring/prometheus/tests/*.test.yml

# --- dashboards and alerts name only exported series; PrometheusRule = rules files ------------
check "dashboards and alerts use only monitoring/exported-metrics.txt; k8s PrometheusRule matches the rules" \
  node monitoring/tools/check-monitoring.cjs "$work/dashboard-queries.yml"
check "every dashboard query parses as PromQL (promtool check rules)" \
  promtool check rules "$work/dashboard-queries.yml"
check "Grafana provisioning files are YAML with apiVersion 1" \
  node -e '
    const fs = require("fs"), YAML = require("./k8s/tools/node_modules/yaml");
    for (const f of ["monitoring/grafana/provisioning/datasources/prometheus.yml", "monitoring/grafana/provisioning/dashboards/rvssl.yml"]) {
      const d = YAML.parse(fs.readFileSync(f, "utf8"));
      if (d.apiVersion !== 1) throw new Error(f + ": apiVersion must be 1");
    }
    const ds = YAML.parse(fs.readFileSync("monitoring/grafana/provisioning/datasources/prometheus.yml", "utf8"));
    if (!ds.datasources.some((d) => d.uid === "prometheus" && d.type === "prometheus")) throw new Error("no datasource uid prometheus");'

# --- Kubernetes -----------------------------------------------------------------------------
for overlay in local production; do
  check "kubectl kustomize k8s/overlays/$overlay" \
    sh -c "kubectl kustomize k8s/overlays/$overlay > '$work/$overlay.yaml'"
  check "k8s/overlays/$overlay: schema + unknown-field validation + platform rules (k8s/tools/validate-manifests.mjs)" \
    node k8s/tools/validate-manifests.mjs "$overlay" "$work/$overlay.yaml"
done

# --- docker-compose and Dockerfiles ----------------------------------------------------------
# the secrets have no default: placeholders here (never a real key), and no .env read
: >"$work/no.env"
payment_secrets=(RVSSL_PAYMENTS_WEBHOOK_SECRET=check-only-webhook-secret
  RVSSL_PAYMENTS_PROVIDER_API_KEY=check-only-provider-key)
compose_secrets=(RVSSL_OPERATOR_KEY_HASH="$(printf 'check-operator' | sha256sum | cut -d' ' -f1)"
  RVSSL_SERVICE_KEY=check-service RVSSL_SERVICE_KEY_HASH="$(printf 'check-service' | sha256sum | cut -d' ' -f1)"
  "${payment_secrets[@]}")
check "docker-compose -f docker-compose.yml config -q (placeholder secrets)" \
  env "${compose_secrets[@]}" docker-compose --env-file "$work/no.env" -f docker-compose.yml config -q
check "docker-compose.yml refuses to run without the operator key hash and the service key" \
  sh -c "env -u RVSSL_OPERATOR_KEY_HASH -u RVSSL_SERVICE_KEY -u RVSSL_SERVICE_KEY_HASH ${payment_secrets[*]} \
    docker-compose --env-file '$work/no.env' -f docker-compose.yml config -q 2>&1 | grep -q 'set RVSSL_OPERATOR_KEY_HASH'"
env "${compose_secrets[@]}" docker-compose --env-file "$work/no.env" -f docker-compose.yml config >"$work/compose.yml" 2>/dev/null
compose_ports() {
  local public
  public=$(grep -E '^ +- published: ' "$work/compose.yml" | awk '{print $3}' | sort -n | tr '\n' ' ')
  [ "$public" = "8081 8082 8085 " ] || { echo "published on every interface: ${public}(only 8081 8082 8085 may be)"; return 1; }
  if grep -E '^ +- [0-9.:]+:[0-9]+(/tcp|/udp)?$' "$work/compose.yml" | grep -v -- '- 127\.0\.0\.1:'; then
    echo "the ports above are published beyond 127.0.0.1"
    return 1
  fi
}
check "docker-compose.yml publishes only the public APIs (8081, 8082, 8085); the rest on 127.0.0.1" compose_ports
dockerfile_rules() {
  local module=$1 jar=$2 port=$3 f=$1/Dockerfile
  [ -f "$f" ] || { echo "$f is missing"; return 1; }
  grep -q '^FROM eclipse-temurin:17-jre' "$f" || { echo "$f: FROM eclipse-temurin:17-jre"; return 1; }
  grep -q "^COPY .*target/$jar " "$f" || { echo "$f: must copy target/$jar"; return 1; }
  grep -Eq '^USER [1-9][0-9]*' "$f" || { echo "$f: must end as a numeric non-root USER"; return 1; }
  grep -q "127.0.0.1:$port/actuator/health/readiness" "$f" || { echo "$f: HEALTHCHECK on :$port readiness"; return 1; }
  grep -q "context: .*/$module\$" "$work/compose.yml" || { echo "docker-compose.yml does not build $module"; return 1; }
}
for spec in order-service:order-service.jar:8081 billing-service:billing-service.jar:8082 \
    ca-gateway-service:ca-gateway-service.jar:8083 status-sync-service:status-sync-service.jar:8084 \
    notification-service:notification-service.jar:8085 sandbox-ca:sandbox-ca-exec.jar:8090; do
  IFS=: read -r module jar port <<<"$spec"
  check "$module/Dockerfile (temurin 17 JRE, $jar, non-root, readiness HEALTHCHECK, built by compose)" \
    dockerfile_rules "$module" "$jar" "$port"
done

echo "ops checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
