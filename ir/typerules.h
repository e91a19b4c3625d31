/* typerules.h: the types Python's rules fix for operators, builtins and
 * methods of builtin types, given the operands' types (NULL or object
 * when unknown). Lowering uses them for its forward guess and the
 * typeinfer pass for its fixed point, so the two agree on every rule.
 * Each returns NULL when the result's type is not fixed. */
#ifndef SURGE_IR_TYPERULES_H
#define SURGE_IR_TYPERULES_H

#include "ir/ir.h"

/* `l op r`: int op int is an int (a float for /), a bool bitwise op on
 * two bools a bool, a number with a float a float, str + str a str, ...
 * `**` is never fixed here (2 ** -1 is a float, (-8) ** 0.5 complex). */
const Type *typerule_binop(TypeTable *t, BinOpKind op, const Type *l, const Type *r);
const Type *typerule_unary(TypeTable *t, UnaryOpKind op, const Type *a);
/* obj[idx]: an item of a list, a str of a str, a list from a slice. */
const Type *typerule_getitem(TypeTable *t, const Type *obj, const Type *idx);
/* A call of the builtin `name` with npos positional arguments of types
 * args[0..npos) and nkw keyword arguments. list(x) and sorted(x) get
 * x's item type (the keys of a dict). */
const Type *typerule_builtin(TypeTable *t, const char *name, const Type *const *args,
                             int npos, int nkw);
/* recv.method(...) for a receiver of a builtin type. */
const Type *typerule_method(TypeTable *t, const Type *recv, const char *method);

/* Whether a function reading the module-level `name` may get the builtin
 * of that name (the module binds it later, or deletes it). */
bool typerule_is_builtin_name(const char *name);

#endif
