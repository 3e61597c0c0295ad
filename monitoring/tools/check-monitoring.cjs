#!/usr/bin/env node
// Checks the monitoring files offline (run by ops/check.sh):
//  1. every metric name in an alert expression, a dashboard panel query or a dashboard variable
//     query is listed in monitoring/exported-metrics.txt;
//  2. the dashboards are valid JSON with unique panel ids, a title, the provisioned datasource
//     (uid "prometheus") and at least one query per panel;
//  3. writes every dashboard query as a recording rule into the file given as argv[2], so that
//     ops/check.sh can have promtool parse them (Grafana's $variables replaced by constants);
//  4. the PrometheusRule of k8s/base carries exactly the groups of the rules files.
// Exits 1 on the first kind of failure found, after listing every failure of it.
"use strict";
const fs = require("fs");
const path = require("path");
const YAML = require(path.join(__dirname, "../../k8s/tools/node_modules/yaml"));

const root = path.join(__dirname, "../..");
const monitoring = path.join(root, "monitoring");
const failures = [];

const exported = new Set(fs.readFileSync(path.join(monitoring, "exported-metrics.txt"), "utf8")
  .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")));

// PromQL words that are not metric names.
const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "bool",
  "and", "or", "unless", "offset", "atan2", "inf", "nan"]);

/** The metric names a PromQL expression reads. */
function metricNames(expr) {
  let e = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // string literals
    .replace(/\{[^}]*\}/g, "")                                      // label matchers
    .replace(/\[[^\]]*\]/g, "")                                     // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "") // label lists
    .replace(/\$\w+/g, "");                                         // Grafana variables
  const names = [];
  const re = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;
  let m;
  while ((m = re.exec(e)) !== null) {
    const word = m[0];
    const before = e.slice(0, m.index);
    if (/[0-9.]$/.test(before)) continue;               // part of a number or a duration (5m, 1e3)
    const after = e.slice(m.index + word.length);
    if (/^\s*\(/.test(after)) continue;                  // a function or an aggregation
    if (KEYWORDS.has(word.toLowerCase())) continue;
    names.push(word);
  }
  return names;
}

function requireExported(where, expr) {
  const names = metricNames(expr);
  if (names.length === 0) failures.push(`${where}: no metric name found in ${expr}`);
  for (const name of names) {
    if (!exported.has(name)) failures.push(`${where}: ${name} is not in monitoring/exported-metrics.txt`);
  }
}

// 1a. alert rules
const ruleDir = path.join(monitoring, "prometheus/rules");
const ruleGroups = [];
for (const file of fs.readdirSync(ruleDir).filter((f) => f.endsWith(".yml")).sort()) {
  const doc = YAML.parse(fs.readFileSync(path.join(ruleDir, file), "utf8"));
  for (const group of doc.groups) {
    ruleGroups.push(group);
    for (const rule of group.rules) requireExported(`${file} ${rule.alert || rule.record}`, rule.expr);
  }
}

// 1b + 2. dashboards
const dashboardDir = path.join(monitoring, "grafana/dashboards");
const recording = [];
const dashboards = fs.readdirSync(dashboardDir).filter((f) => f.endsWith(".json")).sort();
if (dashboards.length < 2) failures.push(`expected the reseller and operator dashboards, found ${dashboards}`);
for (const file of dashboards) {
  let dashboard;
  try {
    dashboard = JSON.parse(fs.readFileSync(path.join(dashboardDir, file), "utf8"));
  } catch (e) {
    failures.push(`${file}: not JSON: ${e.message}`);
    continue;
  }
  if (!dashboard.uid || !dashboard.title) failures.push(`${file}: needs a uid and a title`);
  const ids = new Set();
  for (const variable of (dashboard.templating && dashboard.templating.list) || []) {
    const q = typeof variable.query === "string" ? variable.query : variable.query && variable.query.query;
    const lv = /^label_values\(\s*([^,]+),/.exec(q || "");
    if (variable.type === "query") {
      if (!lv) failures.push(`${file} variable ${variable.name}: only label_values(metric, label) queries are checked`);
      else requireExported(`${file} variable ${variable.name}`, lv[1]);
    }
  }
  for (const panel of dashboard.panels || []) {
    const where = `${file} panel ${panel.id} "${panel.title}"`;
    if (ids.has(panel.id)) failures.push(`${where}: duplicate panel id`);
    ids.add(panel.id);
    if (!panel.title) failures.push(`${where}: no title`);
    if (!panel.datasource || panel.datasource.uid !== "prometheus") failures.push(`${where}: datasource must be uid "prometheus"`);
    if (!panel.targets || panel.targets.length === 0) failures.push(`${where}: no query`);
    for (const target of panel.targets || []) {
      if (!target.expr) { failures.push(`${where} ${target.refId}: no expr`); continue; }
      requireExported(`${where} ${target.refId}`, target.expr);
      recording.push({
        record: `dashboard:${dashboard.uid.replace(/-/g, "_")}:panel${panel.id}_${target.refId}`,
        expr: target.expr.replace(/\$__rate_interval|\$__interval|\$__range/g, "5m").replace(/\$\w+/g, ".*"),
      });
    }
  }
}
if (process.argv[2] && !process.argv[2].startsWith("--")) {
  fs.writeFileSync(process.argv[2], YAML.stringify({ groups: [{ name: "dashboard-queries", rules: recording }] }));
}

// 4. the PrometheusRule for Kubernetes carries the same groups
const prometheusRulePath = path.join(root, "k8s/base/monitoring/prometheusrule.yaml");
if (process.argv[2] === "--write-prometheusrule") {
  const header = "# Generated from monitoring/prometheus/rules/*.yml by\n"
    + "#   node monitoring/tools/check-monitoring.cjs --write-prometheusrule\n"
    + "# Do not edit: ops/check.sh fails when it differs from the rules files.\n";
  fs.writeFileSync(prometheusRulePath, header + YAML.stringify({
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "rvssl-alerts", labels: { "app.kubernetes.io/part-of": "rvssl", role: "alert-rules" } },
    spec: { groups: ruleGroups },
  }, { lineWidth: 0 }));
  console.log(`wrote ${prometheusRulePath}`);
}
const prometheusRule = YAML.parse(fs.readFileSync(prometheusRulePath, "utf8"));
if (JSON.stringify(prometheusRule.spec.groups) !== JSON.stringify(ruleGroups)) {
  failures.push("k8s/base/monitoring/prometheusrule.yaml: spec.groups differ from monitoring/prometheus/rules/*.yml "
    + "(regenerate it: node monitoring/tools/check-monitoring.cjs --write-prometheusrule)");
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log(`monitoring: ${ruleGroups.reduce((n, g) => n + g.rules.length, 0)} alert rules and `
  + `${recording.length} dashboard queries name only exported metrics`);
