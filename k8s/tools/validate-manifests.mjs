#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline (run by ops/check.sh on the output of
// `kubectl kustomize k8s/overlays/<overlay>`): usage  node validate-manifests.mjs <overlay> <file.yaml>
//
// 1. Schema: every built-in object against the OpenAPI schema of Kubernetes shipped by the npm
//    package kubernetes-models (ajv: wrong types, formats, enums and missing required fields
//    fail) plus known-fields.mjs (a property its type does not declare fails: typos);
//    ServiceMonitor and PrometheusRule against the Prometheus Operator CRD schemas of
//    @kubernetes-models/prometheus-operator; Strimzi's Kafka, KafkaNodePool and KafkaTopic against
//    the hand-written subset in schemas/strimzi.json (no package ships Strimzi's CRDs). Any other
//    kind fails.
// 2. Platform rules: each service Deployment has probes on /actuator/health/liveness and
//    /readiness, memory requests and limits, runs non-root with a read-only root filesystem and a
//    writable /tmp, and has a Service, a HorizontalPodAutoscaler, a PodDisruptionBudget and a
//    ServiceMonitor scraping /actuator/prometheus; the four topics have 12 partitions.
// 3. Network: who can connect to whom (network-rules.mjs): the ingress controller to the public
//    APIs and status-sync (routed only /ca-push), status-sync alone to ca-gateway, nothing else.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import { loadTypes, unknownFields } from "./known-fields.mjs";
import { checkNetwork } from "./network-rules.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [overlay, file] = process.argv.slice(2);
const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
const failures = [];
const fail = (obj, msg) => failures.push(`${overlay}: ${obj.kind}/${obj.metadata && obj.metadata.name}: ${msg}`);

const strimzi = JSON.parse(fs.readFileSync(path.join(here, "schemas/strimzi.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const strimziValidators = Object.fromEntries(Object.entries(strimzi).filter(([k]) => !k.startsWith("$"))
  .map(([kind, schema]) => [kind, ajv.compile(schema)]));

async function model(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const modulePath = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`;
  try {
    return (await import(modulePath))[kind];
  } catch {
    return undefined;
  }
}

const types = loadTypes([
  path.join(here, "node_modules/kubernetes-models"),
  path.join(here, "node_modules/@kubernetes-models/apimachinery"),
  path.join(here, "node_modules/@kubernetes-models/prometheus-operator"),
]);

let validated = 0;
for (const obj of docs) {
  if (obj.apiVersion === "kafka.strimzi.io/v1beta2" && strimziValidators[obj.kind]) {
    const validate = strimziValidators[obj.kind];
    if (!validate(obj)) fail(obj, ajv.errorsText(validate.errors));
    validated++;
    continue;
  }
  const Model = await model(obj.apiVersion, obj.kind);
  if (!Model) { fail(obj, `no schema for ${obj.apiVersion} ${obj.kind}`); continue; }
  try {
    new Model(obj).validate();
  } catch (e) {
    fail(obj, e.message);
  }
  // the version's own type (IIoK8sApiNetworkingV1Ingress): the bare name (IIngress) is declared by
  // every version of the kind, and an older one (extensions/v1beta1) would judge the fields
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["core", obj.apiVersion];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const qualified = `IIoK8sApi${cap(group.split(".")[0])}${cap(version)}${obj.kind}`;
  const typeName = types.has(qualified) ? qualified : `I${obj.kind}`;
  if (!types.has(typeName)) fail(obj, `no field list for ${obj.kind}`);
  for (const field of unknownFields(types, typeName, obj)) fail(obj, `unknown field ${field}`);
  validated++;
}

// platform rules
const byKind = (kind) => docs.filter((d) => d.kind === kind);
const named = (kind, name) => byKind(kind).find((d) => d.metadata.name === name);
const services = ["order-service", "billing-service", "ca-gateway-service", "status-sync-service", "notification-service"];
for (const name of services) {
  const deployment = named("Deployment", name);
  if (!deployment) { failures.push(`${overlay}: no Deployment ${name}`); continue; }
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const probe = (p) => p && p.httpGet && p.httpGet.path;
  if (probe(container.livenessProbe) !== "/actuator/health/liveness") fail(deployment, "liveness probe must GET /actuator/health/liveness");
  if (probe(container.readinessProbe) !== "/actuator/health/readiness") fail(deployment, "readiness probe must GET /actuator/health/readiness");
  const res = container.resources || {};
  if (!(res.requests && res.requests.memory && res.requests.cpu && res.limits && res.limits.memory)) fail(deployment, "needs cpu/memory requests and a memory limit");
  const sc = container.securityContext || {};
  if (!((pod.securityContext || {}).runAsNonRoot || sc.runAsNonRoot)) fail(deployment, "must run as non-root");
  if (sc.readOnlyRootFilesystem !== true) fail(deployment, "needs readOnlyRootFilesystem: true");
  if (sc.allowPrivilegeEscalation !== false) fail(deployment, "needs allowPrivilegeEscalation: false");
  const tmp = (container.volumeMounts || []).find((m) => m.mountPath === "/tmp");
  if (!tmp || !(pod.volumes || []).some((v) => v.name === tmp.name && v.emptyDir)) fail(deployment, "needs an emptyDir at /tmp");
  for (const kind of ["Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor"]) {
    if (!named(kind, name)) fail(deployment, `has no ${kind}`);
  }
  const monitor = named("ServiceMonitor", name);
  if (monitor && !monitor.spec.endpoints.some((e) => e.path === "/actuator/prometheus" && e.port === "http")) fail(monitor, "must scrape port http at /actuator/prometheus");
  for (const ref of (container.env || []).filter((e) => e.valueFrom && e.valueFrom.secretKeyRef)) {
    if (!ref.name.startsWith("RVSSL_")) fail(deployment, `secret env ${ref.name}`);
  }
  const cm = (container.envFrom || []).map((e) => e.configMapRef && e.configMapRef.name).filter(Boolean);
  for (const n of cm) if (!named("ConfigMap", n)) fail(deployment, `ConfigMap ${n} is not rendered`);
}
for (const topic of ["rvssl.orders", "rvssl.orders-dlt", "rvssl.accounts", "rvssl.accounts-dlt"]) {
  const t = byKind("KafkaTopic").find((d) => d.spec.topicName === topic);
  if (!t) failures.push(`${overlay}: no KafkaTopic for ${topic}`);
  else if (t.spec.partitions !== 12) fail(t, "must have 12 partitions");
}
if (!byKind("PrometheusRule").length) failures.push(`${overlay}: no PrometheusRule`);
if (!named("StatefulSet", "mongo")) failures.push(`${overlay}: no MongoDB StatefulSet`);

// who reaches whom: NetworkPolicies, Ingress routes and Kafka's listener against the intended matrix
failures.push(...checkNetwork(docs, overlay));

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log(`k8s ${overlay}: ${validated} objects pass schema validation and the platform rules`);
