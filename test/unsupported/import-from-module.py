# 'from M import ...' of a module outside the list points at the module's
# name, as 'import M' does.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:6: error: unsupported: import of module 'numpy'{{$}}
# CHECK-NEXT: {{^}}from numpy import array, zeros{{$}}
# CHECK-NEXT: {{^}}     ^~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
from math import sqrt, floor as fl
from numpy import array, zeros
