package org.dnw.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * An ONNX file run by ONNX Runtime on the JVM (the onnxruntime jar, test scope), for the export
 * tests: the file is opened once; {@link #probabilities} runs one batch through it. Close it.
 */
final class OnnxRuntimeRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OnnxRuntimeRunner(Path model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            session = environment.createSession(model.toString(), options);
        }
    }

    /** The session, for its input and output descriptions. */
    OrtSession session() {
        return session;
    }

    /**
     * The output {@value OnnxExport#OUTPUT} for {@code count} samples given as the input {@value
     * OnnxExport#INPUT} of {@code sampleShape} each (C, H, W or features), row-major.
     *
     * @return {@code count × classes} probabilities, row-major
     */
    float[] probabilities(float[] inputs, int count, long... sampleShape) throws OrtException {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = count;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        try (OnnxTensor x = OnnxTensor.createTensor(environment, FloatBuffer.wrap(inputs), shape);
                OrtSession.Result r = session.run(Map.of(OnnxExport.INPUT, x))) {
            OnnxTensor out = (OnnxTensor) r.get(OnnxExport.OUTPUT).orElseThrow();
            FloatBuffer b = out.getFloatBuffer();
            float[] p = new float[b.remaining()];
            b.get(p);
            return p;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
