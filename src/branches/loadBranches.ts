import { readDataFile } from '../i18n/readDataFile';
import { BranchDirectory } from './branchDirectory';
import { branchFileSchema } from './branchSchema';

/** Reads and validates the branch directory (bad data fails the start, naming file and field). */
export function loadBranches(file: string): BranchDirectory {
  return new BranchDirectory(readDataFile(file, branchFileSchema));
}
