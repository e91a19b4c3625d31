# Relative imports, with one dot, several, or a module after them.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:6: error: unsupported: relative import{{$}}
# CHECK-NEXT: {{^}}from . import util{{$}}
# CHECK-NEXT: {{^}}     ^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:6: error: unsupported: relative import{{$}}
# CHECK-NEXT: {{^}}from ..pkg import helper{{$}}
# CHECK-NEXT: {{^}}     ^~{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
from . import util
from ..pkg import helper
