# Every documented way to reach os.path is accepted.
# RUN: %surgec -fsyntax-only %s
import os.path
import os.path as osp
from os.path import join, exists as ex
from os import path
from os import path as p2
def where(name):
    return os.path.join(os.path.dirname(name), "x") + osp.sep + join("a", "b")
print(where("f"), ex("f"), path.basename("a/b"), p2.isfile("f"))
