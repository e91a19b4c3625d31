# \N{...} escapes; the caret is under the backslash. A raw string has no
# escapes.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:16: error: unsupported: \N{...} escape{{$}}
# CHECK-NEXT: {{^}}bullet = "item \N{BULLET}"{{$}}
# CHECK-NEXT: {{^}}               ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:15: error: unsupported: \N{...} escape{{$}}
# CHECK: {{^}}2 errors generated.{{$}}
ok = r"\N{BULLET}"
bullet = "item \N{BULLET}"
dash = f"{ok} \N{EM DASH}"
