/* types.c: interned static types. */
#include "ir/ir.h"

static const char *const type_names[] = {
#define X(k, s) s,
	IR_TYPES(X)
#undef X
};

void types_init(TypeTable *t, Arena *a)
{
	memset(t, 0, sizeof *t);
	t->arena = a;
	for (int k = 0; k <= TY_EXC; k++) {
		Type *ty = arena_alloc(a, sizeof *ty);
		ty->kind = (TypeKind)k;
		t->basic[k] = ty;
	}
}

const Type *type_basic(TypeTable *t, TypeKind k)
{
	return t->basic[k];
}

/* Containers are few per program; a linear search keeps this simple. */
const Type *type_container(TypeTable *t, TypeKind k, const Type *key, const Type *elem)
{
	if (!elem && !key)
		return t->basic[k];
	for (int i = 0; i < t->composite.len; i++) {
		const Type *c = t->composite.items[i];
		if (c->kind == k && c->key == key && c->elem == elem)
			return c;
	}
	Type *ty = arena_alloc(t->arena, sizeof *ty);
	ty->kind = k;
	ty->key = key;
	ty->elem = elem;
	typevec_push(t->arena, &t->composite, ty);
	return ty;
}

const Type *type_join(TypeTable *t, const Type *a, const Type *b)
{
	if (!a)
		return b;
	if (!b || a == b)
		return a;
	if (a->kind == b->kind && a->kind != TY_OBJECT) {
		/* list[int] and list[str] are both lists of something. */
		const Type *key = a->key == b->key ? a->key : NULL;
		const Type *elem = a->elem == b->elem ? a->elem : NULL;
		return type_container(t, a->kind, key, elem);
	}
	return t->basic[TY_OBJECT];
}

void type_print(StrBuf *out, const Type *t)
{
	if (!t) {
		sb_puts(out, "object");
		return;
	}
	sb_puts(out, type_names[t->kind]);
	if (t->key || t->elem) {
		sb_putc(out, '[');
		if (t->key) {
			type_print(out, t->key);
			sb_puts(out, ", ");
		}
		type_print(out, t->elem);
		sb_putc(out, ']');
	}
}
