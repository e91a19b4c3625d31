# async def, async for and async with.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:1: error: unsupported: 'async'{{$}}
# CHECK-NEXT: {{^}}async def main(xs):{{$}}
# CHECK-NEXT: {{^}}^~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:5: error: unsupported: 'async'{{$}}
# CHECK-NEXT: {{^}}    async for x in xs:{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+6]]:9: error: unsupported: 'async'{{$}}
# CHECK-NEXT: {{^}}        async with x as y:{{$}}
# CHECK-NEXT: {{^}}        ^~~~~{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
async def main(xs):
    async for x in xs:
        async with x as y:
            pass
