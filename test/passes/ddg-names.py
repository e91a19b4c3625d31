# -ddg-show-names: the WAR and WAW edges a name-based graph keeps on x,
# which SSA renaming removes (marked so); -print-ddg-dot: the same graph
# for Graphviz, removed edges dashed.
# RUN: %surgec -print-ddg %s | FileCheck %s --check-prefix=PLAIN
# RUN: %surgec -print-ddg -ddg-show-names %s | FileCheck %s --check-prefix=NAMES
# RUN: %surgec -print-ddg-dot -ddg-show-names %s | FileCheck %s --check-prefix=DOT

x = 1
print(x)
x = 2
print(x)

# PLAIN:      S1 -> S2 RAW x
# PLAIN-NEXT: S2 -> S4 EFFECT stdout
# PLAIN-NEXT: S3 -> S4 RAW x

# NAMES:      S1 -> S2 RAW x
# NAMES-NEXT: S1 -> S3 WAW x (removed: SSA renames it)
# NAMES-NEXT: S2 -> S3 WAR x (removed: SSA renames it)
# NAMES-NEXT: S2 -> S4 EFFECT stdout
# NAMES-NEXT: S3 -> S4 RAW x

# DOT:      digraph "<module>" {
# DOT:        S1 [label="S1 line {{[0-9]+}}: x = 1"];
# DOT:        S1 -> S2 [label="RAW x"];
# DOT-NEXT:   S1 -> S3 [label="WAW x", tooltip="removed: SSA renames it", style=dashed, color=grey];
# DOT:      }
