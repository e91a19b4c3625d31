# class definitions are outside the subset, with or without bases.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:1: error: unsupported: class definition{{$}}
# CHECK-NEXT: {{^}}class Point:{{$}}
# CHECK-NEXT: {{^}}^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:1: error: unsupported: class definition{{$}}
# CHECK-NEXT: {{^}}class Point3(Point):{{$}}
# CHECK-NEXT: {{^}}^~~~~{{$}}
# CHECK-NEXT: {{^}}2 errors generated.{{$}}
class Point:
    def __init__(self, x):
        self.x = x

class Point3(Point):
    pass
