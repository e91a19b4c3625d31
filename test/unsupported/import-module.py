# Only math, random, csv, sys and os.path may be imported.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:8: error: unsupported: import of module 'numpy'{{$}}
# CHECK-NEXT: {{^}}import numpy{{$}}
# CHECK-NEXT: {{^}}       ^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:14: error: unsupported: import of module 'json'{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:8: error: unsupported: import of module 'numpy'{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:8: error: unsupported: import of module 'collections.abc'{{$}}
# CHECK: {{^}}4 errors generated.{{$}}
import math, random, csv, sys, os.path
import random as rnd
import numpy
import math, json
import numpy as np
import collections.abc
