// Who can connect to whom under the rendered NetworkPolicies, Ingresses and Kafka listener: a
// small evaluator of Kubernetes' NetworkPolicy rules (ingress direction; pod and namespace
// selectors, named and numbered ports) run over the platform's pods plus the outside parties
// (the ingress controller, Prometheus, a stranger pod in the namespace and one elsewhere), held
// to the matrix below. Used by validate-manifests.mjs.
const SERVICES = ["order-service", "billing-service", "ca-gateway-service", "status-sync-service", "notification-service"];
const PUBLIC = ["order-service", "billing-service", "notification-service", "status-sync-service"];

function matches(selector, labels) {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels || {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions || []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const namespaceLabels = (ns) => ({ "kubernetes.io/metadata.name": ns });

function peerAdmits(peer, policyNs, from) {
  if (peer.ipBlock) return false; // the pods here are addressed by selectors, not by address
  const nsOk = peer.namespaceSelector ? matches(peer.namespaceSelector, namespaceLabels(from.namespace)) : from.namespace === policyNs;
  const podOk = peer.podSelector ? matches(peer.podSelector, from.labels) : true;
  return nsOk && podOk;
}

function portAdmits(rulePorts, to, port) {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((p) => p.port === undefined || p.port === port || p.port === to.ports[port]);
}

/** Whether a pod `from` may open a connection to `to` on its named port, under the policies. */
export function allowed(policies, from, to, port) {
  const selecting = policies.filter((p) => (p.metadata.namespace || to.namespace) === to.namespace
    && (p.spec.policyTypes || ["Ingress"]).includes("Ingress") && matches(p.spec.podSelector, to.labels));
  if (selecting.length === 0) return true;
  return selecting.some((p) => (p.spec.ingress || []).some((rule) =>
    (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerAdmits(peer, p.metadata.namespace || to.namespace, from)))
    && portAdmits(rule.ports, to, port)));
}

function platformPods(docs, namespace) {
  const pods = {};
  for (const d of docs.filter((x) => ["Deployment", "StatefulSet"].includes(x.kind))) {
    const spec = d.spec.template;
    const ports = {};
    for (const c of spec.spec.containers) for (const p of c.ports || []) ports[p.name] = p.containerPort;
    pods[d.metadata.name] = { namespace, labels: spec.metadata.labels || {}, ports };
  }
  return pods;
}

export function checkNetwork(docs, overlay) {
  const failures = [];
  const namespace = (docs.find((d) => d.kind === "Deployment") || { metadata: {} }).metadata.namespace || "default";
  const policies = docs.filter((d) => d.kind === "NetworkPolicy");
  const pods = platformPods(docs, namespace);
  const outside = {
    "the ingress controller": { namespace: "ingress-nginx", labels: { "app.kubernetes.io/name": "ingress-nginx" } },
    Prometheus: { namespace: "monitoring", labels: { "app.kubernetes.io/name": "prometheus" } },
    "another pod in the namespace": { namespace, labels: { "app.kubernetes.io/name": "debug-shell" } },
    "a pod of another namespace": { namespace: "default", labels: { app: "stranger" } },
    "another pod in the ingress controller's namespace": { namespace: "ingress-nginx", labels: { app: "stranger" } },
  };
  const expect = (fromName, from, toName, port, want) => {
    const to = pods[toName];
    if (!to) { failures.push(`${overlay}: no pod ${toName}`); return; }
    if (allowed(policies, from, to, port) !== want) {
      failures.push(`${overlay}: ${fromName} ${want ? "cannot" : "can"} reach ${toName}:${port}${want ? "" : " (must not)"}`);
    }
  };
  const ingress = outside["the ingress controller"];
  for (const name of PUBLIC) expect("the ingress controller", ingress, name, "http", true);
  expect("the ingress controller", ingress, "ca-gateway-service", "http", false);
  expect("the ingress controller", ingress, "mongo", "mongo", false);
  expect("status-sync-service", pods["status-sync-service"], "ca-gateway-service", "http", true);
  for (const from of SERVICES) {
    for (const to of SERVICES) {
      if (from !== to && !(from === "status-sync-service" && to === "ca-gateway-service")) expect(from, pods[from], to, "http", false);
    }
    expect(from, pods[from], "mongo", "mongo", true);
  }
  for (const name of SERVICES) expect("Prometheus", outside.Prometheus, name, "http", true);
  for (const stranger of ["another pod in the namespace", "a pod of another namespace", "another pod in the ingress controller's namespace"]) {
    for (const name of [...SERVICES, "mongo"]) expect(stranger, outside[stranger], name, name === "mongo" ? "mongo" : "http", false);
  }

  // the local overlay's stand-ins for the outside world (the sandbox CA and its payment provider, Mailpit)
  if (pods["sandbox-ca"]) {
    expect("ca-gateway-service", pods["ca-gateway-service"], "sandbox-ca", "http", true);
    for (const name of ["status-sync-service", "billing-service"]) expect("sandbox-ca", pods["sandbox-ca"], name, "http", true);
    for (const name of ["ca-gateway-service", "order-service", "notification-service"]) expect("sandbox-ca", pods["sandbox-ca"], name, "http", false);
    expect("sandbox-ca", pods["sandbox-ca"], "mongo", "mongo", false);
    expect("order-service", pods["order-service"], "sandbox-ca", "http", false);
  }
  if (pods.mailpit) {
    expect("notification-service", pods["notification-service"], "mailpit", "smtp", true);
    expect("order-service", pods["order-service"], "mailpit", "smtp", false);
  }

  // the ingress controller forwards only what the Ingresses route: status-sync only for /ca-push
  const routes = docs.filter((d) => d.kind === "Ingress").flatMap((i) => (i.spec.rules || []).flatMap((r) =>
    ((r.http || {}).paths || []).map((p) => ({ host: r.host, path: p.path, pathType: p.pathType, service: p.backend.service && p.backend.service.name }))));
  for (const name of ["order-service", "billing-service", "notification-service"]) {
    if (!routes.some((r) => r.service === name)) failures.push(`${overlay}: no Ingress routes to ${name}`);
  }
  const toSync = routes.filter((r) => r.service === "status-sync-service");
  if (toSync.length === 0) failures.push(`${overlay}: no Ingress routes the CA pushes (/ca-push) to status-sync-service`);
  for (const r of toSync) if (r.path !== "/ca-push") failures.push(`${overlay}: Ingress routes ${r.host}${r.path} to status-sync-service (only /ca-push)`);
  for (const r of routes) {
    if (!PUBLIC.includes(r.service)) failures.push(`${overlay}: Ingress routes ${r.host}${r.path} to ${r.service}`);
    if (/^\/(internal|actuator)(\/|$)/.test(r.path) || (r.path === "/" && r.pathType !== "Exact")) {
      failures.push(`${overlay}: Ingress routes ${r.host}${r.path} (${r.pathType}) to ${r.service}: /internal/** and /actuator/** stay inside`);
    }
  }

  // Kafka's listener: Strimzi opens it to the listed peers, to every pod when none are listed
  const kafka = docs.find((d) => d.kind === "Kafka");
  for (const listener of kafka ? kafka.spec.kafka.listeners : []) {
    const peers = listener.networkPolicyPeers || [];
    const admits = (who) => peers.length === 0 || peers.some((p) => peerAdmits(p, namespace, who));
    for (const name of SERVICES) if (!admits(pods[name])) failures.push(`${overlay}: ${name} cannot reach Kafka's ${listener.name} listener`);
    for (const stranger of ["another pod in the namespace", "the ingress controller"]) {
      if (admits(outside[stranger])) failures.push(`${overlay}: ${stranger} can reach Kafka's ${listener.name} listener (must not)`);
    }
  }
  return failures;
}
