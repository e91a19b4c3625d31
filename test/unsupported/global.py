# The global statement: functions read module-level names without it, but
# may not rebind them.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:5: error: unsupported: 'global' statement{{$}}
# CHECK-NEXT: {{^}}    global count, total{{$}}
# CHECK-NEXT: {{^}}    ^~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
count = 0
def bump():
    global count, total
    count += 1
