// Prints what ImageJ 1.x reads of each file's calibration: one line per file, `key=value` fields
// separated by tabs. The argument is the files' paths, separated by commas.
files = split(getArgument(), ",");
for (i = 0; i < files.length; i++) {
  open(files[i]);
  getPixelSize(unit, pw, ph, pd);
  Stack.getDimensions(w, h, c, z, t);
  labels = "";
  for (k = 1; k <= minOf(nSlices, c); k++) {
    setSlice(k);
    labels = labels + getInfo("slice.label") + ";";
  }
  print("file=" + files[i] + "\tunit=" + unit + "\tpw=" + d2s(pw, 9) + "\tph=" + d2s(ph, 9) + "\tpd=" + d2s(pd, 9) + "\tinterval=" + Stack.getFrameInterval() + "\tlabels=" + labels);
  close();
}
