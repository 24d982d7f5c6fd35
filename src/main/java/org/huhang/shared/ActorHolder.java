package org.huhang.shared;

/** Implemented by the authenticated principal so that any module can learn who is acting. */
public interface ActorHolder {

  Actor actor();
}
