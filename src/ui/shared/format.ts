/** Number formatting shared by the views. */
import { formatRate } from '../../core/analytics/completion';

export { formatRate };


/** `1 commitment`, `3 commitments`: the core's one wording of a count. */
export { plural } from '../../core/words';
