package dev.loopbacklab.notebook;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.RemoteExecutionControl;

/**
 * The lab's side of a child JVM: commands over the socket (inherited), and {@link #stop} through
 * JDI as JShell's own engine does it: find the thread inside the agent's {@code invoke} and throw
 * the agent's stop exception into it. Closing ends the process, forcibly if it does not go.
 */
final class ChildControl extends JdiExecutionControl {
    private static final String AGENT = RemoteExecutionControl.class.getName();

    private final VirtualMachine vm;
    private final Process process;
    private final Object stopLock = new Object();
    private boolean inUserCode;

    ChildControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process) {
        super(out, in);
        this.vm = vm;
        this.process = process;
    }

    @Override
    protected VirtualMachine vm() {
        return vm;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stopLock) {
            inUserCode = true;
        }
        try {
            return super.invoke(className, methodName);
        } finally {
            synchronized (stopLock) {
                inUserCode = false;
            }
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!inUserCode) {
                return;
            }
            vm.suspend();
            try {
                for (ThreadReference thread : vm.allThreads()) {
                    for (StackFrame frame : thread.frames()) {
                        String method = frame.location().method().name();
                        if (AGENT.equals(frame.location().declaringType().name())
                                && (method.equals("invoke") || method.equals("varValue"))) {
                            stopIn(thread, frame.thisObject());
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                throw new InternalException("could not stop the snippet: " + e);
            } finally {
                vm.resume();
            }
        }
    }

    private void stopIn(ThreadReference thread, ObjectReference agent) throws Exception {
        Field inClientCode = agent.referenceType().fieldByName("inClientCode");
        Field expectingStop = agent.referenceType().fieldByName("expectingStop");
        Field stopException = agent.referenceType().fieldByName("stopException");
        if (((BooleanValue) agent.getValue(inClientCode)).value()) {
            agent.setValue(expectingStop, vm.mirrorOf(true));
            ObjectReference exception = (ObjectReference) agent.getValue(stopException);
            vm.resume();
            thread.stop(exception);
            agent.setValue(expectingStop, vm.mirrorOf(false));
        }
    }

    @Override
    public void close() {
        super.close();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            vm.dispose();
        } catch (RuntimeException e) {
            // already disconnected
        }
    }
}
