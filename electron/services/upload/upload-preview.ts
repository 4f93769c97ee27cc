/**
 * The to-do of an upload before it is built (`--dry-run`): the draft's, the channel files' and
 * the problems HuBMAP's checks would find in the upload as planned. An image's OME-TIFF copies
 * are named after it here (a CZI's scenes get their own names when written), which the
 * directory schema's patterns take alike.
 */
import type { SubmissionPart, TodoItem } from '../../../shared/submission';
import { CHANNEL_LAYOUT_FILE, channelLayoutPart, OME_IMAGES, omeChannelsPart } from '../../../shared/upload';
import { stemOf } from '../convert';
import { layoutProblems } from './upload-check';
import type { UploadPlan } from './upload-plan';

/** What is left to do once the upload of `plan` is built, as far as it can be told before. */
export function previewTodo(plan: UploadPlan): TodoItem[] {
  const { dataset, layout } = plan;
  const inDataset = (target: string) => target.slice(dataset.length + 1);
  const paths = [
    ...plan.parts.filter((part) => part.inDataset === true).map((part) => part.name),
    ...[...plan.raw, ...plan.kept].map((file) => inDataset(file.target)),
    ...plan.keptFolders.map((folder) => `${inDataset(folder)}/`),
  ];
  const todo = [...plan.todo];
  if (layout.omeCopies)
    for (const file of plan.raw) {
      const image = plan.channels.get(file.source);
      const name = `${OME_IMAGES}/${stemOf(file.source.slice(file.source.lastIndexOf('/') + 1))}.ome.tiff`;
      paths.push(name);
      if (image === undefined) continue;
      const part = omeChannelsPart({ ...image, file: name });
      paths.push(part.name);
      todo.push(...part.table.todo);
    }
  if (layout.channelLayout) {
    paths.push(CHANNEL_LAYOUT_FILE);
    todo.push(...channelLayoutPart([...plan.channels.values()]).table.todo);
  }
  if (!plan.format.startsWith('hubmap:')) return todo;
  const top = [...plan.parts.filter((part) => part.inDataset !== true).map((part) => part.name), dataset];
  return [...todo, ...layoutProblems({ top, paths }, plan.format, dataset, plan.parts[0] as SubmissionPart)];
}
