#!/usr/bin/env python3
"""Writes a small mesh with a hostile payload (hostile_payloads.py) in every free-text field and a
hostile Markdown landing page and doc in every product:

  hostile_mesh.py --out DIR

Six products in two domains, with lineage inside and across domains and an external upstream, so
every kind of page and the lineage SVG carry payloads. Field k of product i holds the payloads n
with n % 6 == (i + k) % 6, so over the six products every payload lands in every field once.
Scalars are written as JSON strings (valid YAML); descriptions also as literal block scalars, where
YAML keeps the text as it is. The mesh builds: unsafe URLs are warnings, never errors."""
import argparse
import json
import os

from hostile_payloads import TEXT, URLS, markdown

PRODUCTS = 6
PAYLOADS = TEXT + URLS


def q(value):
    """A YAML double-quoted scalar (JSON's syntax is a subset of it)."""
    return json.dumps(value)


class Fields:
    """Hands out the payloads of product i: every call is the next field."""
    def __init__(self, product):
        self.product, self.field = product, 0

    def next(self, prefix=""):
        chosen = [p for n, p in enumerate(PAYLOADS) if n % PRODUCTS == (self.product + self.field) % PRODUCTS]
        self.field += 1
        return prefix + " | ".join(chosen)

    def block(self, indent):
        """A literal block scalar (`|`) holding the next field's payloads, one a line."""
        # YAML reads U+2028 and U+2029 as line breaks; those payloads go in quoted fields only.
        text = "\n".join(p for p in self.next().split(" | ") if "\u2028" not in p)
        pad = " " * indent
        return "|-\n" + "\n".join(pad + line for line in text.split("\n"))


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def product_manifest(i, f, upstream):
    domain = "d%d" % (i % 2)
    inputs = ""
    for n, contract in enumerate(upstream):
        inputs += "\n  - name: %s\n    version: %s\n    contractId: %s" % (q(f.next("in%d " % n)), q("1.0.0"), q(contract))
    return """apiVersion: v1.0.0
kind: DataProduct
id: %(id)s
name: %(name)s
domain: %(domain)s
status: %(status)s
version: %(version)s
tenant: %(tenant)s
tags: [%(tags)s]
description:
  purpose: %(purpose)s
  usage: %(usage)s
  limitations: %(limitations)s
inputPorts: %(inputs)s
outputPorts:
  - name: %(port)s
    description: %(portDescription)s
    type: %(portType)s
    version: %(portVersion)s
    contractId: %(contract)s
support:
  - channel: %(channel)s
    url: %(badURL)s
    tool: %(tool)s
    scope: %(scope)s
    description: %(supportDescription)s
  - channel: %(channel2)s
    url: %(goodURL)s
team:
  name: %(team)s
  description: %(teamDescription)s
  members:
    - username: %(username)s
      name: %(memberName)s
      role: %(role)s
""" % {
        "id": q(f.next("p%d " % i)), "name": q(f.next("Product %d " % i)), "domain": domain,
        "status": "deprecated" if i == 5 else "active", "version": q(f.next()), "tenant": q(f.next()),
        "tags": ", ".join(q(p) for p in f.next().split(" | ")),
        "purpose": q(f.next()), "usage": f.block(4), "limitations": q(f.next()),
        "inputs": inputs or "[]", "port": q(f.next("out ")), "portDescription": q(f.next()),
        "portType": q(f.next()), "portVersion": q(f.next()), "contract": q(contract_id(i)),
        "channel": q(f.next()), "badURL": q(URLS[i % len(URLS)]), "tool": q(f.next()), "scope": q(f.next()),
        "supportDescription": q(f.next()), "channel2": q(f.next()),
        "goodURL": q("https://ok.example/support?q=" + f.next()),
        "team": q("t%d" % (i % 3)), "teamDescription": q(f.next()),
        "username": q(f.next("user%d " % i)), "memberName": q(f.next()), "role": q(f.next()),
    }


def contract_id(i):
    return "c%d " % i + PAYLOADS[i]


def contract(i, f):
    return """apiVersion: v3.1.0
kind: DataContract
id: %(id)s
name: %(name)s
version: %(version)s
status: %(status)s
description:
  purpose: %(purpose)s
  usage: %(usage)s
  limitations: %(limitations)s
schema:
  - name: %(object)s
    physicalName: %(physicalName)s
    physicalType: table
    businessName: %(businessName)s
    description: %(objectDescription)s
    properties:
      - name: %(column)s
        businessName: %(columnBusinessName)s
        logicalType: string
        physicalType: %(physicalType)s
        description: %(columnDescription)s
        classification: %(classification)s
        tags: [%(tags)s]
        examples: [%(example)s]
        transformLogic: %(transformLogic)s
      - name: id
        logicalType: integer
        primaryKey: true
    quality:
      - type: text
        name: %(ruleName)s
        description: %(ruleDescription)s
slaProperties:
  - property: %(slaProperty)s
    value: %(slaValue)s
    unit: %(slaUnit)s
""" % {
        "id": q(contract_id(i)), "name": q(f.next()), "version": q(f.next()), "status": q(f.next()),
        "purpose": q(f.next()), "usage": f.block(4), "limitations": q(f.next()),
        "object": q(f.next("o%d " % i)), "physicalName": q(f.next()), "businessName": q(f.next()),
        "objectDescription": q(f.next()), "column": q(f.next("col ")), "columnBusinessName": q(f.next()),
        "physicalType": q(f.next()), "columnDescription": q(f.next()), "classification": q(f.next()),
        "tags": ", ".join(q(p) for p in f.next().split(" | ")), "example": q(f.next()),
        "transformLogic": q(f.next()), "ruleName": q(f.next()), "ruleDescription": q(f.next()),
        "slaProperty": q(f.next()), "slaValue": q(f.next()), "slaUnit": q(f.next()),
    }


def catalog(d, f):
    """Backstage names follow a strict pattern, so only titles, descriptions and profiles carry payloads."""
    teams = [0, 2] if d == 0 else [1]
    docs = ["""apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: d%d
  title: %s
  description: %s
spec:
  owner: group:t%d
""" % (d, q(f.next("Domain %d " % d)), q(f.next()), d)]
    for t in teams:
        docs.append("""apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: t%d
  title: %s
  description: %s
spec:
  type: team
  profile:
    displayName: %s
    email: %s
  children: []
""" % (t, q(f.next()), q(f.next()), q(f.next("Team %d " % t)), q(f.next()[:60] + "@example.com")))
        docs.append("""apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: u%d-%d
spec:
  profile:
    displayName: %s
    email: %s
  memberOf: [t%d]
""" % (d, t, q(f.next()), q(f.next()[:60] + "@example.com"), t))
    return "---\n".join(docs)


def generate(out):
    meshf = Fields(0)
    write(out, "mesh.yaml", "title: %s\ndescription: %s\nsources:\n  - path: domains/*\n" % (
        q(meshf.next("Hostile mesh ")), q(meshf.next())))
    for d in range(2):
        write(out, "domains/d%d/catalog-info.yaml" % d, catalog(d, Fields(d + 3)))
    # Lineage: 1 and 2 read 0, 3 reads 1 (across domains), 4 reads 2 and 3, 5 reads 4 and an
    # upstream no product publishes (an external node, labelled with payloads, in every diagram).
    upstream = {0: [], 1: [0], 2: [0], 3: [1], 4: [2, 3], 5: [4]}
    for i in range(PRODUCTS):
        f = Fields(i)
        folder = "domains/d%d/products/p%d" % (i % 2, i)
        contracts = [contract_id(u) for u in upstream[i]] + (["external " + PAYLOADS[40 + i]] if i == 5 else [])
        write(out, folder + "/product.odps.yaml", product_manifest(i, f, contracts))
        write(out, folder + "/contracts/c%d.odcs.yaml" % i, contract(i, Fields(i)))
        rotated = PAYLOADS[i:] + PAYLOADS[:i]
        texts = [p for p in rotated if p in TEXT] + [u for u in URLS]
        write(out, folder + "/docs/README.md", markdown(texts, URLS))
        write(out, folder + "/docs/hostile.md", markdown(list(reversed(texts)), URLS))
        write(out, folder + "/docs/images/pic.svg",
              '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n')


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    generate(parser.parse_args().out)
