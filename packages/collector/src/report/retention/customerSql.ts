/**
 * SQL naming the customer of event `e`: its user id when the event carries one, else the user
 * its visitor was linked to before the period's end (`identities` joined as `i`), else the
 * visitor. Prefixed so a user id can never collide with a visitor id.
 */
export const customerSql = `case when e.user_id is not null then 'u:' || e.user_id
  when i.user_id is not null then 'u:' || i.user_id else 'v:' || e.visitor_id end`

/** Joins the visitor's identity known before `toParam`. */
export const identityJoin = (toParam: string) =>
  `left join identities i on i.site = e.site and i.visitor_id = e.visitor_id and i.first_seen < ${toParam}`
