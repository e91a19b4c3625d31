/* ssa.c: SSA construction on the fly, after Braun, Buchwald, Hack, Leißa,
 * Mallon and Zwinkau, "Simple and Efficient Construction of Static Single
 * Assignment Form" (CC 2013).
 *
 * Lowering writes a variable's value in the block where it is assigned and
 * reads it where it is used. A read looks back through the predecessors;
 * where several paths join it places a phi, and a phi whose operands turn
 * out to be all the same value is replaced by that value. A block whose
 * predecessors are not all known yet (a loop header) gets operand-less
 * phis that are completed when the block is sealed. */
#include "ir/lower.h"

#include <stdlib.h>

static uint64_t key_of(const Block *b, int var)
{
	return ((uint64_t)(uint32_t)b->id << 32 | (uint32_t)var) + 1; /* 0 = empty */
}

static size_t slot_of(const SSABuilder *b, uint64_t key)
{
	uint64_t h = key * 0x9E3779B97F4A7C15u;
	size_t mask = b->cap - 1;
	for (size_t i = (size_t)(h >> 20) & mask;; i = (i + 1) & mask)
		if (b->keys[i] == 0 || b->keys[i] == key)
			return i;
}

static void grow(SSABuilder *b)
{
	size_t ncap = b->cap ? b->cap * 2 : 1024;
	uint64_t *okeys = b->keys;
	Instr **ovals = b->vals;
	size_t ocap = b->cap;
	b->keys = xcalloc(ncap, sizeof *b->keys);
	b->vals = xcalloc(ncap, sizeof *b->vals);
	b->cap = ncap;
	for (size_t i = 0; i < ocap; i++) {
		if (okeys[i]) {
			size_t s = slot_of(b, okeys[i]);
			b->keys[s] = okeys[i];
			b->vals[s] = ovals[i];
		}
	}
	free(okeys);
	free(ovals);
}

void ssa_init(SSABuilder *b, Function *fn)
{
	memset(b, 0, sizeof *b);
	b->fn = fn;
	grow(b);
}

void ssa_free(SSABuilder *b)
{
	free(b->keys);
	free(b->vals);
	free(b->pending);
	free(b->vkeys);
	free(b->vvals);
	free(b->exc_from);
	memset(b, 0, sizeof *b);
}

int ssa_new_var(SSABuilder *b, const char *name)
{
	namevec_push(b->fn->module->arena, &b->names, name);
	return b->names.len - 1;
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* The variable of a name, made on first use. Comprehension variables are
 * made with ssa_new_var and are never found by name. */
int ssa_var(SSABuilder *b, const char *name)
{
	if ((b->vlen + 1) * 2 > b->vcap) {
		int ncap = b->vcap ? b->vcap * 2 : 64;
		const char **keys = xcalloc((size_t)ncap, sizeof *keys);
		int *vals = xcalloc((size_t)ncap, sizeof *vals);
		for (int i = 0; i < b->vcap; i++) {
			if (!b->vkeys[i])
				continue;
			size_t k = hash_str(b->vkeys[i]) & (size_t)(ncap - 1);
			while (keys[k])
				k = (k + 1) & (size_t)(ncap - 1);
			keys[k] = b->vkeys[i];
			vals[k] = b->vvals[i];
		}
		free(b->vkeys);
		free(b->vvals);
		b->vkeys = keys;
		b->vvals = vals;
		b->vcap = ncap;
	}
	size_t mask = (size_t)b->vcap - 1;
	size_t k = hash_str(name) & mask;
	for (; b->vkeys[k]; k = (k + 1) & mask)
		if (strcmp(b->vkeys[k], name) == 0)
			return b->vvals[k];
	b->vkeys[k] = name;
	b->vvals[k] = ssa_new_var(b, name);
	b->vlen++;
	return b->vvals[k];
}

void ssa_write(SSABuilder *b, int var, Block *block, Instr *value)
{
	if ((b->len + 1) * 2 > b->cap)
		grow(b);
	uint64_t key = key_of(block, var);
	size_t s = slot_of(b, key);
	if (!b->keys[s]) {
		b->keys[s] = key;
		b->len++;
	}
	b->vals[s] = value;
	if (value && !value->name && value->op != OP_UNDEF)
		value->name = b->names.items[var];
}

static Instr *lookup(SSABuilder *b, int var, const Block *block)
{
	size_t s = slot_of(b, key_of(block, var));
	return b->keys[s] ? ir_resolve(b->vals[s]) : NULL;
}

static Instr *new_phi(SSABuilder *b, int var, Block *block, SrcRange loc)
{
	Instr *phi = ir_instr_new(b->fn, OP_PHI, NULL);
	phi->name = b->names.items[var];
	phi->type = NULL;
	/* A phi belongs to the statement whose control flow joins here. */
	phi->stmt = block->stmt;
	phi->loc = loc;
	ir_append(block, phi);
	return phi;
}

static Instr *undef(SSABuilder *b, int var, SrcRange loc)
{
	/* An unbound variable: reading it raises at run time, as in Python. */
	Instr *u = ir_instr_new(b->fn, OP_UNDEF, NULL);
	u->imm.name = b->names.items[var];
	u->loc = loc;
	Block *entry = b->fn->blocks.items[0];
	/* Undefs live at the top of the entry block, where they dominate
	 * every use. */
	u->block = entry;
	instrvec_push(b->fn->module->arena, &entry->instrs, u);
	for (int i = entry->instrs.len - 1; i > 0; i--) {
		Instr *prev = entry->instrs.items[i - 1];
		if (prev->op == OP_PARAM || prev->op == OP_UNDEF)
			break;
		entry->instrs.items[i] = prev;
		entry->instrs.items[i - 1] = u;
	}
	return u;
}

/* A phi all of whose operands are one value (or the phi itself) is that
 * value. */
static Instr *try_remove_trivial_phi(Instr *phi)
{
	Instr *same = NULL;
	for (int i = 0; i < phi->args.len; i++) {
		Instr *op = ir_resolve(phi->args.items[i]);
		if (op == same || op == phi)
			continue;
		if (same)
			return phi;
		same = op;
	}
	if (!same) {
		/* Reached only from itself: unreachable or unbound. */
		return phi;
	}
	phi->replaced = same;
	phi->dead = true;
	return same;
}

static Instr *add_phi_operands(SSABuilder *b, int var, Instr *phi)
{
	const Type *t = NULL;
	for (int i = 0; i < phi->block->preds.len; i++) {
		Instr *v = ssa_read(b, var, phi->block->preds.items[i], phi->loc);
		ir_add_arg(b->fn, phi, v);
		t = type_join(&b->fn->module->types, t, ir_resolve(v)->type);
	}
	phi->type = t ? t : type_basic(&b->fn->module->types, TY_OBJECT);
	return try_remove_trivial_phi(phi);
}

static Block *exc_source(const SSABuilder *b, const Block *block)
{
	return block->id < b->exc_cap ? b->exc_from[block->id] : NULL;
}

Instr *ssa_read(SSABuilder *b, int var, Block *block, SrcRange loc)
{
	/* Walk up single-predecessor chains without recursion. */
	Block *start = block;
	Instr *v = NULL;
	for (int steps = 0;; steps++) {
		v = lookup(b, var, block);
		if (v)
			break;
		if (steps > b->fn->blocks.len)
			die("SSA construction: a cycle of single-predecessor blocks in @%s",
			    b->fn->name);
		Block *up = NULL;
		if (block->sealed && block->preds.len == 1)
			up = block->preds.items[0];
		else if (block->sealed && block->preds.len == 0 && exc_source(b, block))
			up = exc_source(b, block);
		if (!up)
			break;
		block = up;
	}
	if (!v) {
		if (!block->sealed) {
			Instr *phi = new_phi(b, var, block, loc);
			if (b->npending == b->cappending) {
				b->cappending = b->cappending ? b->cappending * 2 : 64;
				b->pending = xrealloc(b->pending, (size_t)b->cappending * sizeof *b->pending);
			}
			b->pending[b->npending++] = (struct Pending){block, var, phi};
			v = phi;
		} else if (block->preds.len == 0) {
			v = undef(b, var, loc);
		} else {
			Instr *phi = new_phi(b, var, block, loc);
			ssa_write(b, var, block, phi); /* breaks cycles through loops */
			v = add_phi_operands(b, var, phi);
		}
		ssa_write(b, var, block, v);
	}
	/* Remember the value along the chain, so the next read is quick. */
	for (Block *x = start; x != block; ) {
		ssa_write(b, var, x, v);
		x = x->preds.len == 1 ? x->preds.items[0] : exc_source(b, x);
	}
	return v;
}

void ssa_seal(SSABuilder *b, Block *block)
{
	if (block->sealed)
		return;
	block->sealed = true;
	for (int i = 0; i < b->npending; i++) {
		if (b->pending[i].block != block)
			continue;
		struct Pending p = b->pending[i];
		b->pending[i] = b->pending[--b->npending];
		i--;
		add_phi_operands(b, p.var, p.phi);
	}
}

void ssa_set_exc_from(SSABuilder *b, Block *handler, Block *from)
{
	if (handler->id >= b->exc_cap) {
		int ncap = b->exc_cap ? b->exc_cap : 64;
		while (ncap <= handler->id)
			ncap *= 2;
		b->exc_from = xrealloc(b->exc_from, (size_t)ncap * sizeof *b->exc_from);
		memset(b->exc_from + b->exc_cap, 0, (size_t)(ncap - b->exc_cap) * sizeof *b->exc_from);
		b->exc_cap = ncap;
	}
	b->exc_from[handler->id] = from;
}
