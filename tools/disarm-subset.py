#!/usr/bin/env python3
"""Derives the hub's DISARM catalogue (hub-ejb/src/main/resources/disarm/disarm-techniques.json)
from the DISARM framework's STIX 2.1 bundle (DISARMFoundation/DISARMframeworks, commit 49df5f6,
generated_files/DISARM_STIX/DISARM.json, v1.6, CC BY-SA 4.0).

Kept: each tactic's id, name and short name; each technique's id, name, description, tactics,
attack-pattern STIX id, created and modified times and page URL. Nothing is reworded. Usage:
    tools/disarm-subset.py path/to/DISARM.json > hub-ejb/src/main/resources/disarm/disarm-techniques.json
"""
import json
import sys

bundle = json.load(open(sys.argv[1], encoding="utf-8"))
objects = bundle["objects"]
tactics = []
by_short = {}
for o in objects:
    if o["type"] == "x-mitre-tactic":
        ref = o["external_references"][0]
        t = {"id": ref["external_id"], "name": o["name"], "shortname": o["x_mitre_shortname"]}
        tactics.append(t)
        by_short[o["x_mitre_shortname"]] = t
techniques = []
for o in objects:
    if o["type"] != "attack-pattern":
        continue
    ref = next(r for r in o["external_references"] if r.get("external_id", "").startswith("T"))
    techniques.append({
        "id": ref["external_id"],
        "name": o["name"],
        "description": o.get("description", ""),
        "tactics": [by_short[p["phase_name"]]["id"] for p in o.get("kill_chain_phases", [])],
        "stixId": o["id"],
        "created": o["created"],
        "modified": o["modified"],
        "url": ref["url"],
    })
tactics.sort(key=lambda t: t["id"])
techniques.sort(key=lambda t: t["id"])
out = {
    "framework": "DISARM",
    "version": "1.6",
    "source": "DISARMFoundation/DISARMframeworks commit 49df5f6, generated_files/DISARM_STIX/DISARM.json",
    "attribution": "DISARM Framework v1.6 by the DISARM Foundation (https://www.disarm.foundation/), CC BY-SA 4.0"
                   " (https://creativecommons.org/licenses/by-sa/4.0/); ids, names, descriptions and tactics"
                   " extracted unmodified by tools/disarm-subset.py",
    "tactics": tactics,
    "techniques": techniques,
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=False)
sys.stdout.write("\n")
