# await (here in a plain function, so that only the await is reported).
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+5]]:12: error: unsupported: 'await'{{$}}
# CHECK-NEXT: {{^}}    return await task{{$}}
# CHECK-NEXT: {{^}}           ^~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def wait(task):
    return await task
