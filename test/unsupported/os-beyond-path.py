# Of the os module only os.path is supported: os.remove and friends are
# rejected, as attributes and in 'from os import'.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:5: error: unsupported: 'os.remove' (only os.path is supported){{$}}
# CHECK-NEXT: {{^}}    os.remove(p){{$}}
# CHECK-NEXT: {{^}}    ^~~~~~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:10: error: unsupported: 'os.getcwd' (only os.path is supported){{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:22: error: unsupported: 'os.listdir' (only os.path is supported){{$}}
# CHECK-NEXT: {{^}}from os import path, listdir{{$}}
# CHECK-NEXT: {{^}}                     ^~~~~~~{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
def clean(p):
    # Used above the import that binds os: still checked.
    os.remove(p)
import os.path
getcwd = os.getcwd
from os import path, listdir
