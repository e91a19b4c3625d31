/* ir.c: building and inspecting the IR. */
#include "ir/ir.h"

static const char *const op_names[] = {
#define X(k, s, v) s,
	IR_OPS(X)
#undef X
};

static const bool op_values[] = {
#define X(k, s, v) v,
	IR_OPS(X)
#undef X
};

const char *ir_op_name(Op op) { return op_names[op]; }
bool ir_has_value(Op op) { return op_values[op]; }

bool ir_is_terminator(Op op)
{
	return op == OP_BR || op == OP_CONDBR || op == OP_ITERNEXT || op == OP_RET ||
	       op == OP_RAISE || op == OP_UNREACHABLE;
}

int ir_nsuccs(const Instr *term)
{
	switch (term->op) {
	case OP_BR: return 1;
	case OP_CONDBR: case OP_ITERNEXT: return 2;
	default: return 0;
	}
}

/* Only instructions that compute from their operands, cannot raise and
 * touch nothing else may be removed when unused. Arithmetic can raise
 * (ZeroDivisionError, TypeError), so it stays unless a pass knows the
 * operand types make it safe. */
bool ir_has_effect(const Instr *i)
{
	switch (i->op) {
	case OP_CONST: case OP_PARAM: case OP_PHI: case OP_UNDEF: case OP_BUILTIN:
	case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_EXTRACT: case OP_CELL_NEW:
	case OP_MAKE_FUNCTION: case OP_CUR_EXC:
		return false;
	case OP_COMPARE:
		/* Comparing numbers of known types cannot raise. */
		return !(i->args.len == 2 && i->args.items[0]->type && i->args.items[1]->type &&
		         i->args.items[0]->type->kind >= TY_BOOL && i->args.items[0]->type->kind <= TY_FLOAT &&
		         i->args.items[1]->type->kind >= TY_BOOL && i->args.items[1]->type->kind <= TY_FLOAT);
	default:
		return true;
	}
}

IRModule *ir_module_new(Arena *a, const char *filename)
{
	IRModule *m = arena_alloc(a, sizeof *m);
	m->arena = a;
	m->filename = filename;
	types_init(&m->types, a);
	return m;
}

Function *ir_function_new(IRModule *m, const char *name, Function *parent)
{
	Function *f = arena_alloc(m->arena, sizeof *f);
	f->name = name;
	f->module = m;
	f->parent = parent;
	f->index = m->functions.len;
	functionvec_push(m->arena, &m->functions, f);
	return f;
}

Block *ir_block_new(Function *f, const char *label)
{
	Block *b = arena_alloc(f->module->arena, sizeof *b);
	b->id = f->blocks.len;
	b->fn = f;
	b->label = label;
	b->rpo = -1;
	blockvec_push(f->module->arena, &f->blocks, b);
	return b;
}

Instr *ir_instr_new(Function *f, Op op, const Type *type)
{
	Instr *i = arena_alloc(f->module->arena, sizeof *i);
	i->op = op;
	i->type = type ? type : type_basic(&f->module->types, TY_OBJECT);
	i->id = ir_has_value(op) ? ++f->nvalues : 0;
	return i;
}

void ir_append(Block *b, Instr *i)
{
	i->block = b;
	if (i->op == OP_PHI)
		instrvec_push(b->fn->module->arena, &b->phis, i);
	else
		instrvec_push(b->fn->module->arena, &b->instrs, i);
}

void ir_add_arg(Function *f, Instr *i, Instr *arg)
{
	instrvec_push(f->module->arena, &i->args, arg);
}

void ir_add_pred(Block *b, Block *pred)
{
	blockvec_push(b->fn->module->arena, &b->preds, pred);
}

Instr *ir_terminator(const Block *b)
{
	if (b->instrs.len == 0)
		return NULL;
	Instr *last = b->instrs.items[b->instrs.len - 1];
	return ir_is_terminator(last->op) ? last : NULL;
}

Instr *ir_resolve(Instr *i)
{
	Instr *r = i;
	while (r && r->replaced)
		r = r->replaced;
	/* Shorten the chain for the next caller. */
	while (i && i->replaced && i->replaced != r) {
		Instr *next = i->replaced;
		i->replaced = r;
		i = next;
	}
	return r;
}

static void compact_list(InstrVec *v)
{
	int n = 0;
	for (int k = 0; k < v->len; k++)
		if (!v->items[k]->dead)
			v->items[n++] = v->items[k];
	v->len = n;
}

void ir_compact(Function *f)
{
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		compact_list(&bb->phis);
		compact_list(&bb->instrs);
		InstrVec *lists[2] = {&bb->phis, &bb->instrs};
		for (int l = 0; l < 2; l++)
			for (int k = 0; k < lists[l]->len; k++) {
				Instr *in = lists[l]->items[k];
				for (int a = 0; a < in->args.len; a++)
					in->args.items[a] = ir_resolve(in->args.items[a]);
			}
	}
}
