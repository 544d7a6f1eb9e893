#!/usr/bin/env python3
"""P1's outside yardstick: PyYAML's C loader (libyaml) merely parsing every manifest under DIR, nothing checked.

Usage: bench/pyyaml-parse.py DIR   (prints the number of documents parsed)

The same files `hostnet check DIR` reads (*.yaml, *.yml, *.json, recursively, hidden ones skipped), each read whole
and parsed with yaml.load_all(text, Loader=yaml.CLoader) on one core: what a Python tool pays merely to read them.
Needs python3-yaml built with libyaml (Debian: apt-get install python3-yaml).
"""
import os
import sys

import yaml

EXTENSIONS = (".yaml", ".yml", ".json")


def manifests(root):
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                yield os.path.join(directory, name)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pyyaml-parse.py DIR")
    documents = 0
    for path in manifests(sys.argv[1]):
        with open(path, encoding="utf-8-sig") as file:
            documents += sum(1 for _ in yaml.load_all(file.read(), Loader=yaml.CLoader))
    print(documents)


if __name__ == "__main__":
    main()
