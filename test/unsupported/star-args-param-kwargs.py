# A '**kwargs' parameter.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+4]]:17: error: unsupported: star-args ('**kwargs' parameter){{$}}
# CHECK-NEXT: {{^}}def config(a=1, **options):{{$}}
# CHECK-NEXT: {{^}}                ^~~~~~~~~{{$}}
# CHECK-NEXT: {{^}}1 error generated.{{$}}
def config(a=1, **options):
    return a
