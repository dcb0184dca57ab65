/**
 * The review forms' fields, as typed. Here rather than in ReviewForm.svelte's module script so the
 * queue and the linter's type checker see the real type (props and exports of a .svelte file reach
 * typed linting as `any`).
 */
export interface Fields {
  due: string;
  text: string;
  trigger: string;
  coping: string;
  reason: string;
  learned: string;
}
