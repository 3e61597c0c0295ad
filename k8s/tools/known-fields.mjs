// Unknown-field check for Kubernetes objects. The OpenAPI schemas that kubernetes-models compiles
// do not refuse unknown properties (the API server prunes or refuses them), so a typo such as
// `periodSecond` would pass schema validation. This reads the field names of every type from the
// packages' TypeScript declarations (generated from the same OpenAPI schemas) and reports any
// property of an object that its type does not declare. Types it cannot follow (inline object
// types, maps, unions) are not checked below that point.
import fs from "node:fs";
import path from "node:path";

function* declarationFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "_schemas" && entry.name !== "node_modules") yield* declarationFiles(full);
    else if (entry.name.endsWith(".d.ts")) yield full;
  }
}

/** interface name (local and exported alias) -> {props: Map(name -> type text), extends: [names]} */
export function loadTypes(roots) {
  const types = new Map();
  for (const root of roots) {
    for (const file of declarationFiles(root)) {
      const text = fs.readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
      const local = new Map();
      const re = /^export interface (\w+)(?: extends ([\w, ]+))? \{\n([\s\S]*?)^\}/gm;
      let m;
      while ((m = re.exec(text)) !== null) {
        const props = new Map();
        for (const line of m[3].split("\n")) {
          const p = /^ {4}"([^"]+)"\??: (.*?);?$/.exec(line);
          if (p) props.set(p[1], p[2].trim()); // a multi-line inline type ("{") is not followed
          else if (/^ {4}\[/.test(line)) props.set("*", "any"); // index signature: anything goes
        }
        local.set(m[1], { props, extends: m[2] ? m[2].split(",").map((s) => s.trim()) : [] });
      }
      for (const [name, t] of local) types.set(name, t);
      const alias = /export type \{ (\w+) as (\w+)/g;
      while ((m = alias.exec(text)) !== null) if (local.has(m[1])) types.set(m[2], local.get(m[1]));
    }
  }
  return types;
}

function propsOf(types, name, seen = new Set()) {
  const t = types.get(name);
  if (!t || seen.has(name)) return null;
  seen.add(name);
  const all = new Map(t.props);
  for (const parent of t.extends) {
    if (parent === "TypeMeta") { all.set("apiVersion", "string"); all.set("kind", "string"); continue; }
    const p = propsOf(types, parent, seen);
    if (p) for (const [k, v] of p) all.set(k, v);
  }
  return all;
}

/** Paths of properties in value that its type (an interface name) does not declare. */
export function unknownFields(types, typeName, value, at = "") {
  const found = [];
  const walk = (type, v, where) => {
    type = type.replace(/\s*\|\s*undefined$/, "");
    const arr = /^Array<(\w+)>$/.exec(type);
    if (arr && Array.isArray(v)) { v.forEach((item, i) => walk(arr[1], item, `${where}[${i}]`)); return; }
    if (!/^\w+$/.test(type) || v === null || typeof v !== "object" || Array.isArray(v)) return;
    const props = propsOf(types, type);
    if (!props || props.has("*")) return;
    for (const [k, child] of Object.entries(v)) {
      if (!props.has(k)) found.push(`${where}.${k}`);
      else walk(props.get(k), child, `${where}.${k}`);
    }
  };
  walk(typeName, value, at);
  return found;
}
