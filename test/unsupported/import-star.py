# 'from M import *', even of a supported module.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:18: error: unsupported: 'import *'{{$}}
# CHECK-NEXT: {{^}}from math import *{{$}}
# CHECK-NEXT: {{^}}                 ^{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
from math import *
