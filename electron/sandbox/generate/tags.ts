/** Phase 3: product tags of each organisation. */
import type { Tag } from '../model'
import { TAG_NAMES } from '../vocab'
import type { GenContext, OrgPlan } from './context'

export interface TagsPhase {
  tags: Tag[]
  tagsByOrg: Map<number, Tag[]>
}

export function addTags(ctx: GenContext, { plans }: { plans: OrgPlan[] }): TagsPhase {
  const { rng, nextId } = ctx
  const tags: Tag[] = []
  const tagsByOrg = new Map<number, Tag[]>()
  for (const plan of plans) {
    const n =
      plan.products < 5 ? (rng.chance(0.3) ? 1 : 0) : rng.int(0, Math.min(5, 1 + Math.floor(plan.products / 10)))
    const list: Tag[] = rng
      .sample(TAG_NAMES, n)
      .map((name) => ({ id: nextId('tag', 3), accountId: plan.org.id, name, color: rng.int(0, 11) }))
    tags.push(...list)
    tagsByOrg.set(plan.org.id, list)
  }
  return { tags, tagsByOrg }
}
