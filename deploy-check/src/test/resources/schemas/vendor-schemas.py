#!/usr/bin/env python3
"""Rebuilds the vendored schemas of this folder (run by hand, never by the build).

Usage: vendor-schemas.py SWAGGER_JSON KEDA_SCALEDOBJECTS_CRD KEDA_TRIGGERAUTH_CRD STRIMZI_KAFKATOPIC_CRD
                          STRIMZI_KAFKAUSER_CRD PROM_SERVICEMONITORS_CRD PROM_PROMETHEUSRULES_CRD

Writes kubernetes-definitions.json (the definitions the listed kinds reach in the Kubernetes
OpenAPI v2 document) and crd-schemas.json (openAPIV3Schema of each CRD's storage version), with
descriptions removed, and made strict: an object that lists its properties accepts no other
(what the API server would silently prune, or refuse). See SOURCES.md.
"""
import json, sys, yaml

KINDS = {
    ("v1", "Namespace"): "io.k8s.api.core.v1.Namespace",
    ("v1", "ConfigMap"): "io.k8s.api.core.v1.ConfigMap",
    ("v1", "Secret"): "io.k8s.api.core.v1.Secret",
    ("v1", "Service"): "io.k8s.api.core.v1.Service",
    ("v1", "ServiceAccount"): "io.k8s.api.core.v1.ServiceAccount",
    ("apps/v1", "Deployment"): "io.k8s.api.apps.v1.Deployment",
    ("batch/v1", "Job"): "io.k8s.api.batch.v1.Job",
    ("policy/v1", "PodDisruptionBudget"): "io.k8s.api.policy.v1.PodDisruptionBudget",
    ("networking.k8s.io/v1", "NetworkPolicy"): "io.k8s.api.networking.v1.NetworkPolicy",
    ("autoscaling/v2", "HorizontalPodAutoscaler"): "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
}

def strip(node):
    if isinstance(node, dict):
        out = {k: strip(v) for k, v in node.items()
               if k not in ("description", "x-kubernetes-validations", "x-kubernetes-list-map-keys",
                            "x-kubernetes-list-type", "x-kubernetes-patch-merge-key",
                            "x-kubernetes-patch-strategy", "x-kubernetes-map-type",
                            "x-kubernetes-group-version-kind", "x-kubernetes-unions")}
        if out.get("format") == "int-or-string" or out.pop("x-kubernetes-int-or-string", False):
            out.pop("type", None); out.pop("format", None)
            out["anyOf"] = [{"type": "string"}, {"type": "integer"}]
        if out.get("type") == "object" and "properties" in out and "additionalProperties" not in out \
                and not out.get("x-kubernetes-preserve-unknown-fields"):
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [strip(x) for x in node]
    return node

def reachable(defs, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        def walk(n):
            if isinstance(n, dict):
                ref = n.get("$ref")
                if ref:
                    todo.append(ref.split("/")[-1])
                for v in n.values():
                    walk(v)
            elif isinstance(n, list):
                for v in n:
                    walk(v)
        walk(defs[name])
    return seen

def main(swagger, *crds):
    defs = json.load(open(swagger))["definitions"]
    keep = reachable(defs, KINDS.values())
    out = {}
    for name in sorted(keep):
        d = strip(defs[name])
        if name == "io.k8s.apimachinery.pkg.api.resource.Quantity":
            d = {"anyOf": [{"type": "string"}, {"type": "number"}]}
        out[name] = d
    # apiVersion and kind of the listed kinds must be exactly theirs.
    for (api, kind), name in KINDS.items():
        out[name]["properties"]["apiVersion"] = {"const": api}
        out[name]["properties"]["kind"] = {"const": kind}
    json.dump({"kinds": {f"{a}/{k}": n for (a, k), n in KINDS.items()}, "definitions": out},
              open("kubernetes-definitions.json", "w"), separators=(",", ":"), sort_keys=True)

    crd_out = {}
    for path in crds:
        crd = yaml.safe_load(open(path))
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for v in crd["spec"]["versions"]:
            if not v.get("served"):
                continue
            schema = strip(v["schema"]["openAPIV3Schema"])
            schema["properties"]["apiVersion"] = {"const": f"{group}/{v['name']}"}
            schema["properties"]["kind"] = {"const": kind}
            # Metadata as the API server checks it, not the CRD's bare `type: object`.
            schema["properties"]["metadata"] = {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}
            schema["properties"].pop("status", None)
            crd_out[f"{group}/{v['name']}/{kind}"] = schema
    json.dump(crd_out, open("crd-schemas.json", "w"), separators=(",", ":"), sort_keys=True)

if __name__ == "__main__":
    main(*sys.argv[1:])
