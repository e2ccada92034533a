import { createRequire } from "node:module";

/**
 * OpenCV (the @techstark/opencv-js build: OpenCV 4.5 compiled to WebAssembly, no native addon) for
 * ORB keypoints, brute-force Hamming matching and RANSAC. Loaded on first use, once per process
 * (about 2–3 s), never when a module is imported: the app's request path does not pay for it.
 * Only the few calls this folder makes are typed here.
 */

export interface Mat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data64F: Float64Array;
  delete(): void;
}
export interface KeyPoint {
  pt: { x: number; y: number };
  angle: number;
  response: number;
}
interface Vector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}
export interface DMatch {
  queryIdx: number;
  trainIdx: number;
  distance: number;
}
export interface OpenCv {
  CV_8UC1: number;
  CV_32FC2: number;
  NORM_HAMMING: number;
  RANSAC: number;
  Mat: { new (): Mat; new (rows: number, cols: number, type: number): Mat };
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): Mat;
  KeyPointVector: new () => Vector<KeyPoint>;
  DMatchVectorVector: new () => Vector<Vector<DMatch>>;
  ORB: new (nfeatures: number) => {
    detectAndCompute(image: Mat, mask: Mat, keypoints: Vector<KeyPoint>, descriptors: Mat): void;
    delete(): void;
  };
  BFMatcher: new (
    normType: number,
    crossCheck: boolean,
  ) => {
    knnMatch(query: Mat, train: Mat, matches: Vector<Vector<DMatch>>, k: number): void;
    delete(): void;
  };
  estimateAffine2D(
    from: Mat,
    to: Mat,
    inliers: Mat,
    method: number,
    ransacReprojThreshold: number,
    maxIters: number,
    confidence: number,
    refineIters: number,
  ): Mat;
}

let loading: Promise<OpenCv> | undefined;

/** The OpenCV runtime, ready to use. */
export function openCv(): Promise<OpenCv> {
  loading ??= new Promise<OpenCv>((resolve, reject) => {
    const cv = createRequire(import.meta.url)("@techstark/opencv-js") as OpenCv;
    // The module object is a thenable that never settles when awaited (a promise resolved with it
    // would hang), and its init callback may already have fired: wait until the runtime's classes
    // exist, then drop `then` so the ready module can travel through promises.
    const started = Date.now();
    const check = () => {
      if (typeof (cv as Partial<OpenCv>).Mat === "function") {
        delete (cv as { then?: unknown }).then;
        resolve(cv);
      } else if (Date.now() - started > 60_000) reject(new Error("OpenCV did not start within 60 s"));
      else setTimeout(check, 10);
    };
    check();
  });
  return loading;
}
